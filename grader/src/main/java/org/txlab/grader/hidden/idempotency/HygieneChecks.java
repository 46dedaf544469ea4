package org.txlab.grader.hidden.idempotency;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Hygiene;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** Hygiene: nothing left behind. These calls are not cleaned up after, on purpose. */
@Order(5)
@ExtendWith(SuiteExtension.class)
class HygieneChecks {
  private static final Plan LEFT_AS_IS = Plan.NORMAL.withoutCleanup();

  @Test
  @DisplayName("every connection is closed, after an order, a replay and a rejection")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void closesItsConnections(SuiteContext suite) {
    Keyed.Clean.run(suite, "h-1", 1, 1, 1, "to count the connections it leaves open");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Hygiene.expectConnectionsClosed(
          w,
          Keyed.call(w, "h-1", 1, 1, 1, LEFT_AS_IS),
          Keyed.call(w, "h-1", 1, 1, 1, LEFT_AS_IS),
          Keyed.call(w, "h-2", 1, 2, 99, LEFT_AS_IS));
    }
  }

  @Test
  @DisplayName("no transaction is left open after a replay, a rejection or a failed statement")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void leavesNoTransactionOpen(SuiteContext suite) {
    Keyed.Clean clean = Keyed.Clean.run(suite, "h-3", 1, 1, 1, "to fail one of its statements");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Hygiene.expectUnlocked(w, Keyed.call(w, "h-4", 1, 2, 99, LEFT_AS_IS));
      Keyed.call(w, "h-3", 1, 1, 1, LEFT_AS_IS);
      Hygiene.expectUnlocked(w, Keyed.call(w, "h-3", 1, 1, 1, LEFT_AS_IS));
    }
    var ks = Statements.faultable(clean.call().statements());
    if (!ks.isEmpty()) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Hygiene.expectUnlocked(
            w, Keyed.call(w, "h-3", 1, 1, 1, LEFT_AS_IS.failing(ks.get(ks.size() - 1))));
      }
    }
  }

  @Test
  @DisplayName("the next call works after a failed statement")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void nextCallWorksAfterAFailure(SuiteContext suite) {
    Keyed.Clean clean = Keyed.Clean.run(suite, "h-5", 1, 1, 1, "to fail one of its statements");
    var ks = Statements.faultable(clean.call().statements());
    try (ShopWorld w = ShopWorld.open(suite)) {
      if (!ks.isEmpty()) {
        Keyed.call(w, "h-5", 1, 1, 1, LEFT_AS_IS.failing(ks.get(ks.size() / 2)));
      }
      Call next = Keyed.call(w, "h-6", 1, 1, 1, LEFT_AS_IS);
      if (!next.returned()) {
        fail(Feedback.get("hygiene.nextCall", next.label(), next.outcome()));
      }
    }
  }
}
