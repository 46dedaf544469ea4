package org.txlab.grader.hidden.cart;

import java.util.List;
import org.txlab.grader.exercise.Exercise;

/** The cart-checkout exercise: several products in one order, all or nothing. */
public final class CartExercise implements Exercise {

  @Override
  public String id() {
    return "cart-checkout";
  }

  @Override
  public String title() {
    return "Check out a cart";
  }

  @Override
  public String testPackage() {
    return CartExercise.class.getPackageName();
  }

  @Override
  public List<Category> categories() {
    return List.of(
        new Category(
            "functional", "Every line ordered, rejections naming the line, the cart's order."),
        new Category("atomicity", "All lines or none, under injected failures and a real crash."),
        new Category(
            "isolation",
            "Concurrent carts: never oversold, no deadlock, the loser rejected cleanly."),
        new Category(
            "durability", "A checked-out cart survives a crash; durability settings stay on."),
        new Category("hygiene", "Connections closed, no transaction left open."));
  }

  @Override
  public Api api() {
    return new Api(
        "org.txlab.cart.CheckoutService",
        List.of("org.txlab.placeorder.ConnectionSource"),
        "Checkout");
  }

  @Override
  public String rejectionType() {
    return "org.txlab.cart.CheckoutException";
  }

  @Override
  public String reference() {
    return "exercises/src/main/java/org/txlab/exercises/Checkout.java";
  }

  @Override
  public String variants() {
    return "grader/fixtures/cart-checkout";
  }

  @Override
  public int killTests() {
    return 2;
  }
}
