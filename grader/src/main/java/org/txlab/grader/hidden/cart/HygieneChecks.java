package org.txlab.grader.hidden.cart;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.cart.Line;
import org.txlab.grader.hidden.Hygiene;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** Hygiene: nothing left behind. These calls are not cleaned up after, on purpose. */
@Order(4)
@ExtendWith(SuiteExtension.class)
class HygieneChecks {
  private static final Plan LEFT_AS_IS = Plan.NORMAL.withoutCleanup();
  private static final List<Line> SHORT = List.of(new Line(1, 1), new Line(2, 9));

  @Test
  @DisplayName("every connection is closed, after success and after a rejection")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void closesItsConnections(SuiteContext suite) {
    Carts.Clean.run(
        suite, 1, FunctionalChecks.TWO_LINES, "to count the connections it leaves open");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Hygiene.expectConnectionsClosed(
          w,
          Carts.call(w, 1, FunctionalChecks.TWO_LINES, LEFT_AS_IS),
          Carts.call(w, 1, SHORT, LEFT_AS_IS));
    }
  }

  @Test
  @DisplayName("no transaction is left open after a rejection or a failed statement")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void leavesNoTransactionOpen(SuiteContext suite) {
    Carts.Clean clean =
        Carts.Clean.run(suite, 1, FunctionalChecks.TWO_LINES, "to fail one of its statements");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Hygiene.expectUnlocked(w, Carts.call(w, 1, SHORT, LEFT_AS_IS));
    }
    List<Integer> ks = Statements.faultable(clean.call().statements());
    if (!ks.isEmpty()) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Hygiene.expectUnlocked(
            w,
            Carts.call(
                w, 1, FunctionalChecks.TWO_LINES, LEFT_AS_IS.failing(ks.get(ks.size() - 1))));
      }
    }
  }
}
