package org.txlab.grader.hidden.idempotency;

import java.util.List;
import org.txlab.grader.exercise.Exercise;

/** The idempotent-checkout exercise: at most one order per idempotency key, however retried. */
public final class IdempotencyExercise implements Exercise {

  @Override
  public String id() {
    return "idempotent-checkout";
  }

  @Override
  public String title() {
    return "Place an order once per key";
  }

  @Override
  public String testPackage() {
    return IdempotencyExercise.class.getPackageName();
  }

  @Override
  public List<Category> categories() {
    return List.of(
        new Category(
            "functional",
            "A new key places the order; a replay gets the stored outcome; a reused key is refused."),
        new Category(
            "atomicity",
            "The key and its order commit together, under injected failures and a crash."),
        new Category(
            "idempotency", "Retries after a lost reply, and many retries, place one order."),
        new Category(
            "isolation",
            "Two calls with one key at once place one order; other orders never oversell."),
        new Category("durability", "A placed order survives a crash; durability settings stay on."),
        new Category(
            "hygiene", "Connections closed, no transaction left open, the next call works."));
  }

  @Override
  public Api api() {
    return new Api(
        "org.txlab.idempotency.IdempotentOrderService",
        List.of("org.txlab.placeorder.ConnectionSource"),
        "IdempotentPlaceOrder");
  }

  @Override
  public String rejectionType() {
    return "org.txlab.placeorder.PlaceOrderException";
  }

  @Override
  public String reference() {
    return "exercises/src/main/java/org/txlab/exercises/IdempotentPlaceOrder.java";
  }

  @Override
  public String variants() {
    return "grader/fixtures/idempotent-checkout";
  }

  @Override
  public int killTests() {
    return 3;
  }
}
