package org.txlab.grader.hidden.outbox;

import java.util.List;
import org.txlab.grader.exercise.Exercise;

/**
 * The outbox exercise: an order and its message in one transaction, and a relay that delivers the
 * messages at least once, in order. Its hand-in has two classes: the order service ({@link #api()})
 * and the relay ({@link Outbox#RELAY_API}), found the same way.
 */
public final class OutboxExercise implements Exercise {

  @Override
  public String id() {
    return "outbox";
  }

  @Override
  public String title() {
    return "Announce every order, exactly when it commits";
  }

  @Override
  public String testPackage() {
    return OutboxExercise.class.getPackageName();
  }

  @Override
  public List<Category> categories() {
    return List.of(
        new Category(
            "functional",
            "An order is placed and its message delivered once with the order's details; a"
                + " rejected order has no message; runOnce counts what it marked."),
        new Category(
            "atomicity",
            "An order and its message are written together or not at all, under injected failures"
                + " and a crash."),
        new Category(
            "delivery",
            "Every message reaches the broker at least once, in order, with the same id, whatever"
                + " the broker answers and even when the relay is killed before its mark."),
        new Category(
            "isolation", "Two orders placed at once have one message each, in the orders' order."),
        new Category("durability", "Durability settings stay on; a placed order survives a crash."),
        new Category(
            "hygiene", "Connections closed, no transaction left open, the next call works."));
  }

  @Override
  public Api api() {
    return new Api(
        "org.txlab.outbox.OutboxOrderService",
        List.of("org.txlab.placeorder.ConnectionSource"),
        "OutboxPlaceOrder");
  }

  @Override
  public String rejectionType() {
    return "org.txlab.placeorder.PlaceOrderException";
  }

  @Override
  public String reference() {
    return "exercises/src/main/java/org/txlab/exercises/OutboxPlaceOrder.java";
  }

  @Override
  public List<String> companions() {
    return List.of("exercises/src/main/java/org/txlab/exercises/OutboxRelay.java");
  }

  @Override
  public String variants() {
    return "grader/fixtures/outbox";
  }

  @Override
  public int killTests() {
    return 4;
  }
}
