package org.txlab.grader.hidden.cart;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.cart.Line;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.Rival;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Concurrent carts, found deterministically: a judge's order, or another cart of the student's own,
 * runs at every statement boundary of a paused cart; then the cart goes on.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class IsolationChecks {
  private static final Map<Long, Long> STOCK = Map.of(1L, 10L, 2L, 3L, 3L, 1L);

  /**
   * The rival buys 2 of the 3 mice the cart's second line wants, at every boundary of the cart:
   * only one can have them.
   */
  @Test
  @DisplayName(
      "another order for the second line's product, placed at any point, never breaks the cart")
  @Graded(category = "isolation", points = 3, hint = "cart.hint.rival")
  void aRivalAtEveryBoundaryNeverBreaksIsolation(SuiteContext suite) {
    List<Line> cart = List.of(new Line(1, 1), new Line(2, 2));
    Carts.Clean clean = Carts.Clean.run(suite, 2, cart, "to interleave another order with it");
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall c = Carts.start(w, 2, cart, Plan.NORMAL.pausing(k));
        if (c.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          Rival.order(w, 2, 2);
          c.resume();
        }
        Call call = Call.of(c, w);
        CartChecks.expectIsolated(
            w.snapshot(),
            STOCK,
            "with another order for 2 mice placed while the cart was paused before "
                + clean.call().statement(k),
            List.of(call),
            List.of(cart),
            List.of(2L));
      }
    }
  }

  /**
   * Two of the student's own carts that overlap in reverse order (6 keyboards and 2 mice; 2 mice
   * and 6 keyboards: only one can be served), the first paused at every boundary while the second
   * runs until it ends or waits for the first: no deadlock, no oversell, the loser clean.
   */
  @Test
  @DisplayName("two overlapping carts, interleaved at any statement: no deadlock, no oversell")
  @Graded(category = "isolation", points = 3, hint = "cart.hint.overlap")
  void overlappingCartsAtEveryBoundaryNeverBreakIsolation(SuiteContext suite) {
    List<Line> first = List.of(new Line(1, 6), new Line(2, 2));
    List<Line> second = List.of(new Line(2, 2), new Line(1, 6));
    Carts.Clean clean = Carts.Clean.run(suite, 2, first, "to interleave two carts");
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall a = Carts.start(w, 2, first, Plan.NORMAL.pausing(k).watched());
        if (!a.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          Call.of(a, w);
          continue;
        }
        RemoteCall b = Carts.start(w, 3, second, Plan.NORMAL.watched());
        b.until(suite.session().callDeadline(), "WAITING", "STUCK");
        a.resume();
        Call ca = Call.of(a, w);
        Call cb = Call.of(b, w);
        CartChecks.expectIsolated(
            w.snapshot(),
            STOCK,
            "with your second cart "
                + Carts.describe(second)
                + " run while the first was paused before "
                + clean.call().statement(k),
            List.of(ca, cb),
            List.of(first, second),
            List.of(2L, 3L));
      }
    }
  }
}
