package org.txlab.grader.hidden.saga;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
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

/** Each step twice: {@code resume()} again, or with nothing unfinished, changes nothing. */
@Order(5)
@ExtendWith(SuiteExtension.class)
class IdempotencyChecks {
  private static final String OK = Sagas.script(List.of("PAY"), List.of("OK"));

  @Test
  @Order(1)
  @DisplayName("resume() twice after a kill settles the order once")
  @Graded(category = "idempotency", points = 2, hint = "saga.hint.resumeTwice")
  void resumeTwiceAfterAKill(SuiteContext suite) {
    Sagas.Crashed died =
        Sagas.crashDuringCheckout(suite, Sagas.script(List.of("CRASH_BEFORE"), List.of("OK")), 1);
    try (ShopWorld w = Sagas.restarted(suite, died.db(), OK, died.ledger())) {
      Sagas.expectResumed(Sagas.resume(w, Plan.NORMAL), "after a kill during the charge");
      expectNothingChanges(w, "after a kill during the charge and a first resume()");
    }
  }

  @Test
  @Order(2)
  @DisplayName("resume() with every order settled changes nothing")
  @Graded(category = "idempotency", points = 1, hint = "saga.hint.resumeSettled")
  void resumeWithNothingUnfinished(SuiteContext suite) {
    String script = "{\"charge\": {\"*\": [\"PAY\"], \"2\": [\"DECLINE\"]}}";
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), script)) {
      Call paid = Sagas.checkout(w, 3, 1, 1, Plan.NORMAL);
      Call declined = Sagas.checkout(w, 4, 1, 1, Plan.NORMAL);
      String when =
          "after "
              + paid.label()
              + " "
              + paid.outcome()
              + " and "
              + declined.label()
              + " (declined) "
              + declined.outcome();
      Sagas.expectSettled(w, when);
      expectNothingChanges(w, when);
    }
  }

  private static void expectNothingChanges(ShopWorld w, String when) {
    SagaState before = Sagas.state(w);
    Ledger ledgerBefore = Sagas.ledger(w);
    Call again = Sagas.resume(w, Plan.NORMAL);
    int settled = Sagas.expectResumed(again, when);
    SagaState after = Sagas.state(w);
    if (!after.equals(before)) {
      fail(Feedback.get("saga.resumeChanged", when, before.describe(), after.describe()));
    }
    if (!Sagas.ledger(w).accounts().values().stream()
        .map(a -> a.orderId() + a.status() + a.amountCents())
        .toList()
        .equals(
            ledgerBefore.accounts().values().stream()
                .map(a -> a.orderId() + a.status() + a.amountCents())
                .toList())) {
      fail(Feedback.get("saga.resumeCharged", when));
    }
    if (settled != 0) {
      fail(Feedback.get("saga.resumeCount", when, Integer.toString(settled)));
    }
  }
}
