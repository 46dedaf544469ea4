package org.txlab.grader.hidden.saga;

import java.util.List;
import org.txlab.grader.exercise.Exercise;

/** The compensation exercise: a saga that either completes an order or undoes it, exactly once. */
public final class CompensationExercise implements Exercise {

  @Override
  public String id() {
    return "compensation";
  }

  @Override
  public String title() {
    return "Compensate a checkout whose payment failed";
  }

  @Override
  public String testPackage() {
    return CompensationExercise.class.getPackageName();
  }

  @Override
  public List<Category> categories() {
    return List.of(
        new Category(
            "functional",
            "A paid checkout is PAID and charged price times quantity; a declined one is"
                + " cancelled and restocked; a rejected one writes nothing and charges nothing."),
        new Category(
            "compensation",
            "A timeout is not a decline: the payment is cancelled before the order is, even when"
                + " the charge lands late or the refund times out once."),
        new Category(
            "atomicity",
            "The reservation and the compensation are one transaction each, under a failure at"
                + " every statement and a kill after every write."),
        new Category(
            "recovery",
            "After a kill around the charge or the refund, resume() settles the order as the"
                + " provider says."),
        new Category("idempotency", "resume() again, or with nothing unfinished, changes nothing."),
        new Category("hygiene", "Connections closed, no transaction left open."));
  }

  @Override
  public Api api() {
    return new Api(
        "org.txlab.saga.CheckoutSaga",
        List.of("org.txlab.placeorder.ConnectionSource", "org.txlab.saga.Payments"),
        "PaymentCheckout");
  }

  @Override
  public String rejectionType() {
    return "org.txlab.placeorder.PlaceOrderException";
  }

  @Override
  public String reference() {
    return "exercises/src/main/java/org/txlab/exercises/PaymentCheckout.java";
  }

  @Override
  public String variants() {
    return "grader/fixtures/compensation";
  }

  @Override
  public int killTests() {
    return 5;
  }
}
