package org.txlab.grader.hidden.saga;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.UnknownProductException;

/** What a checkout does when the provider answers at once: paid, declined, or never called. */
@Order(1)
@ExtendWith(SuiteExtension.class)
class FunctionalChecks {

  @Test
  @Order(1)
  @DisplayName("a paid checkout returns the order, PAID, charged price times quantity")
  @Graded(category = "functional", points = 2, hint = "saga.hint.paid")
  void aPaidCheckoutIsPaidAndCharged(SuiteContext suite) {
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), Sagas.PAY)) {
      Call c = Sagas.checkout(w, 7, 1, 2, Plan.NORMAL);
      org.txlab.placeorder.Order o = c.expectOrder();
      SagaState s = Sagas.expectSettled(w, "after " + c.label() + " " + c.outcome());
      if (s.orders().size() != 1
          || !s.orders().get(0).status().equals("PAID")
          || s.orders().get(0).id() != o.id()
          || o.userId() != 7
          || o.productId() != 1
          || o.quantity() != 2) {
        fail(Feedback.get("saga.paid", c.label(), c.outcome(), s.describe()));
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("a declined checkout throws PaymentFailedException, CANCELLED, stock restored")
  @Graded(category = "functional", points = 2, hint = "saga.hint.declined")
  void aDeclinedCheckoutIsCancelledAndRestocked(SuiteContext suite) {
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), Sagas.DECLINE)) {
      Call c = Sagas.checkout(w, 7, 1, 2, Plan.NORMAL);
      c.expectThrown(org.txlab.saga.PaymentFailedException.class);
      SagaState s = Sagas.expectSettled(w, "after " + c.label() + " " + c.outcome());
      if (s.orders().size() != 1 || !s.orders().get(0).status().equals("CANCELLED")) {
        fail(Feedback.get("saga.declined", c.label(), s.describe()));
      }
    }
  }

  @Test
  @Order(3)
  @DisplayName(
      "a rejected checkout throws its PlaceOrderException, writes nothing, charges nothing")
  @Graded(category = "functional", points = 1, hint = "saga.hint.rejections")
  void aRejectedCheckoutWritesAndChargesNothing(SuiteContext suite) {
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), Sagas.PAY)) {
      SagaState before = Sagas.state(w);
      expectRejected(
          w, before, Sagas.checkout(w, 7, 1, 0, Plan.NORMAL), InvalidQuantityException.class);
      expectRejected(
          w, before, Sagas.checkout(w, 7, 99, 1, Plan.NORMAL), UnknownProductException.class);
      expectRejected(
          w, before, Sagas.checkout(w, 7, 2, 4, Plan.NORMAL), InsufficientStockException.class);
    }
  }

  private static void expectRejected(
      ShopWorld w, SagaState before, Call c, Class<? extends Throwable> type) {
    c.expectThrown(type);
    SagaState after = Sagas.state(w);
    if (!after.equals(before)) {
      fail(Feedback.get("saga.rejectedWrote", c.label(), after.describe()));
    }
    Ledger l = Sagas.ledger(w);
    if (l.charges() + l.refunds() > 0) {
      fail(
          Feedback.get(
              "saga.rejectedCalled",
              c.label(),
              Integer.toString(l.charges()),
              Integer.toString(l.refunds())));
    }
  }
}
