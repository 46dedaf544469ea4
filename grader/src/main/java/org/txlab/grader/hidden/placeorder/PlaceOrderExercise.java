package org.txlab.grader.hidden.placeorder;

import java.util.List;
import org.txlab.grader.exercise.Exercise;

/** The place-order exercise: decrement the stock and insert the order, together or not at all. */
public final class PlaceOrderExercise implements Exercise {

  @Override
  public String id() {
    return "place-order";
  }

  @Override
  public String title() {
    return "Place an order";
  }

  @Override
  public String testPackage() {
    return PlaceOrderExercise.class.getPackageName();
  }

  @Override
  public List<Category> categories() {
    return List.of(
        new Category("functional", "The happy path, the rejections and their types."),
        new Category("atomicity", "All or nothing, under injected failures and a real crash."),
        new Category(
            "isolation",
            "Concurrent orders: never oversold, the loser rejected cleanly, whatever the interleaving."),
        new Category("durability", "A placed order survives a crash; durability settings stay on."),
        new Category(
            "hygiene", "Connections closed, no transaction left open, the next call works."));
  }

  @Override
  public Api api() {
    return new Api(
        "org.txlab.placeorder.OrderService",
        List.of("org.txlab.placeorder.ConnectionSource"),
        "PlaceOrder");
  }

  @Override
  public String rejectionType() {
    return "org.txlab.placeorder.PlaceOrderException";
  }

  @Override
  public String reference() {
    return "exercises/src/main/java/org/txlab/exercises/PlaceOrder.java";
  }

  @Override
  public String variants() {
    return "grader/fixtures/place-order";
  }

  @Override
  public int killTests() {
    return 2;
  }
}
