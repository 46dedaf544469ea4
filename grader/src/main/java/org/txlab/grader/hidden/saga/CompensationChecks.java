package org.txlab.grader.hidden.saga;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * A timeout is not a decline: whatever the saga decides (give up, retry the idempotent charge, ask
 * the provider), once it has answered and the provider's late answers have come, nothing is left
 * pending and no money is held for a cancelled order.
 */
@Order(2)
@ExtendWith(SuiteExtension.class)
class CompensationChecks {

  @Test
  @Order(1)
  @DisplayName("a charge that times out and never lands ends settled, the order not PAID")
  @Graded(category = "compensation", points = 1, hint = "saga.hint.timeout")
  void aTimeoutThatNeverLandsIsCompensated(SuiteContext suite) {
    try (ShopWorld w =
        Sagas.open(
            suite, suite.session().main(), Sagas.script(List.of("TIMEOUT"), List.of("OK")))) {
      Call c = Sagas.checkout(w, 8, 1, 1, Plan.NORMAL);
      String when = "after " + c.label() + ", whose every charge timed out, " + c.outcome();
      c.expectThrown(org.txlab.saga.PaymentFailedException.class);
      Sagas.expectSettled(w, when);
    }
  }

  @Test
  @Order(2)
  @DisplayName("a charge that times out but lands later holds no money for a cancelled order")
  @Graded(category = "compensation", points = 2, hint = "saga.hint.late")
  void aLateChargeIsVoidedOrKept(SuiteContext suite) {
    try (ShopWorld w =
        Sagas.open(suite, suite.session().main(), Sagas.script(List.of("LATE"), List.of("OK")))) {
      Call c = Sagas.checkout(w, 8, 1, 1, Plan.NORMAL);
      String when =
          "after "
              + c.label()
              + ", whose first charge timed out but was to land later, "
              + c.outcome()
              + ", and the late charge's moment came";
      Sagas.expectSettledAnswer(c, when);
      w.landLate();
      Sagas.expectSettled(w, when);
    }
  }

  @Test
  @Order(3)
  @DisplayName("a refund that times out once is retried, by resume() at the latest")
  @Graded(category = "compensation", points = 2, hint = "saga.hint.refundTimeout")
  void aRefundThatTimesOutOnceIsRetried(SuiteContext suite) {
    try (ShopWorld w =
        Sagas.open(
            suite,
            suite.session().main(),
            Sagas.script(List.of("LATE"), List.of("TIMEOUT", "OK")))) {
      Call c = Sagas.checkout(w, 8, 1, 1, Plan.NORMAL);
      Sagas.expectSettledAnswer(c, "when its first refund timed out");
      Call r = Sagas.resume(w, Plan.NORMAL);
      String when =
          "after "
              + c.label()
              + " (its charge timed out, to land later; its first refund timed out) "
              + c.outcome()
              + ", then resume() "
              + r.outcome()
              + ", and the late charge's moment came";
      Sagas.expectResumed(r, when);
      w.landLate();
      Sagas.expectSettled(w, when);
    }
  }
}
