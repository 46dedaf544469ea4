package org.txlab.grader.hidden.placeorder;

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
@Order(4)
@ExtendWith(SuiteExtension.class)
class HygieneChecks {
  private static final Plan LEFT_AS_IS = Plan.NORMAL.withoutCleanup();

  @Test
  @DisplayName("every connection is closed, after success and after a rejection")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void closesItsConnections(SuiteContext suite) {
    Clean.run(suite, 1, 1, 1, "to count the connections it leaves open");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Hygiene.expectConnectionsClosed(
          w, Placed.call(w, 1, 1, 1, LEFT_AS_IS), Placed.call(w, 1, 2, 99, LEFT_AS_IS));
    }
  }

  @Test
  @DisplayName("no transaction is left open after a rejection or a failed statement")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void leavesNoTransactionOpen(SuiteContext suite) {
    Clean clean = Clean.run(suite, 1, 1, 1, "to fail one of its statements");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call rejected = Placed.call(w, 1, 2, 99, LEFT_AS_IS);
      Hygiene.expectUnlocked(w, rejected);
    }
    var ks = Statements.faultable(clean.call().statements());
    if (!ks.isEmpty()) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Call failed = Placed.call(w, 1, 1, 1, LEFT_AS_IS.failing(ks.get(ks.size() - 1)));
        Hygiene.expectUnlocked(w, failed);
      }
    }
  }

  @Test
  @DisplayName("the next call works after a failed statement")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void nextCallWorksAfterAFailure(SuiteContext suite) {
    Clean clean = Clean.run(suite, 1, 1, 1, "to fail one of its statements");
    var ks = Statements.faultable(clean.call().statements());
    try (ShopWorld w = ShopWorld.open(suite)) {
      if (!ks.isEmpty()) {
        Placed.call(w, 1, 1, 1, LEFT_AS_IS.failing(ks.get(ks.size() / 2)));
      }
      Call next = Placed.call(w, 1, 1, 1, LEFT_AS_IS);
      if (!next.returned()) {
        fail(Feedback.get("hygiene.nextCall", next.label(), next.outcome()));
      }
    }
  }
}
