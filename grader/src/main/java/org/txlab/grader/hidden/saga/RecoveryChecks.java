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

/**
 * A process killed for real around the provider's calls: the restarted service's {@code resume()},
 * with the provider's ledger as it was, settles the order as the provider says.
 */
@Order(4)
@ExtendWith(SuiteExtension.class)
class RecoveryChecks {
  private static final String OK = Sagas.script(List.of("PAY"), List.of("OK"));

  @Test
  @Order(1)
  @DisplayName("a kill before the charge reached the provider, then resume(), compensates")
  @Graded(category = "recovery", points = 2, hint = "saga.hint.resume")
  void killBeforeTheChargeThenResume(SuiteContext suite) {
    Sagas.Crashed died =
        Sagas.crashDuringCheckout(suite, Sagas.script(List.of("CRASH_BEFORE"), List.of("OK")), 1);
    resumeAndExpect(suite, died, "a kill before the charge reached the provider", "CANCELLED");
  }

  @Test
  @Order(2)
  @DisplayName("a kill after the provider charged, before the answer, then resume(), is PAID")
  @Graded(category = "recovery", points = 2, hint = "saga.hint.resumeCharged")
  void killAfterTheChargeThenResume(SuiteContext suite) {
    Sagas.Crashed died =
        Sagas.crashDuringCheckout(suite, Sagas.script(List.of("CRASH_AFTER"), List.of("OK")), 1);
    resumeAndExpect(suite, died, "a kill after the provider charged the order", "PAID");
  }

  @Test
  @Order(3)
  @DisplayName("a kill during a declined checkout's refund, then resume(), compensates once")
  @Graded(category = "recovery", points = 1, hint = "saga.hint.resume")
  void killDuringTheRefundThenResume(SuiteContext suite) {
    Sagas.Crashed died =
        Sagas.crashDuringCheckout(
            suite, Sagas.script(List.of("DECLINE"), List.of("CRASH_AFTER")), 1);
    resumeAndExpect(suite, died, "a kill right after a declined order's refund went through", null);
  }

  private static void resumeAndExpect(
      SuiteContext suite, Sagas.Crashed died, String crash, String status) {
    try (ShopWorld w = Sagas.restarted(suite, died.db(), OK, died.ledger())) {
      Call r = Sagas.resume(w, Plan.NORMAL);
      String when = "after " + crash + ", then resume() in a new process " + r.outcome();
      Sagas.expectResumed(r, when);
      SagaState s = Sagas.expectSettled(w, when);
      if (status != null
          && (s.orders().size() != 1 || !s.orders().get(0).status().equals(status))) {
        fail(Feedback.get("saga.resumedAs", when, status, s.describe()));
      }
    }
  }
}
