package org.txlab.grader.hidden.cart;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.cart.Line;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.Rival;
import org.txlab.grader.hidden.Serializability;
import org.txlab.grader.hidden.Serializability.Kind;
import org.txlab.grader.hidden.Serializability.Outcome;
import org.txlab.grader.hidden.Serializability.Party;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Concurrent carts, found deterministically and judged by serializability: a judge's order, or
 * another cart of the student's own, runs at every statement boundary of a paused cart; whatever
 * the interleaving, the outcome must be one the same parties produce one after the other.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class IsolationChecks {

  private static Party cart(SuiteContext suite, long user, List<Line> lines) {
    return cart(suite, user, lines, Plan.NORMAL);
  }

  private static Party cart(SuiteContext suite, long user, List<Line> lines, Plan plan) {
    String rejection = suite.exercise().rejectionType();
    return new Party() {
      @Override
      public String name() {
        return "checkout(" + user + ", " + Carts.describe(lines) + ")";
      }

      @Override
      public Kind run(ShopWorld w) {
        return Kind.of(Carts.call(w, user, lines, plan), rejection);
      }
    };
  }

  /**
   * The rival buys 2 of the 3 mice the cart's second line wants, at every boundary of the cart:
   * only one can have them.
   */
  @Test
  @DisplayName(
      "another order for the second line's product, placed at any point, never breaks isolation")
  @Graded(category = "isolation", points = 3, hint = "cart.hint.rival")
  void aRivalAtEveryBoundaryNeverBreaksIsolation(SuiteContext suite) {
    List<Line> lines = List.of(new Line(1, 1), new Line(2, 2));
    Carts.Clean clean = Carts.Clean.run(suite, 2, lines, "to interleave another order with it");
    List<Party> parties =
        List.of(
            cart(suite, 2, lines),
            new Party() {
              @Override
              public String name() {
                return "the other order for 2 mice";
              }

              @Override
              public Kind run(ShopWorld w) {
                return Kind.of(Rival.order(w, 2, 2));
              }
            });
    List<Outcome> serial =
        Serializability.serial(suite, parties, List.of(List.of(0, 1), List.of(1, 0), List.of(0)));
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall c = Carts.start(w, 2, lines, Plan.NORMAL.pausing(k));
        Kind rival = Kind.NOT_RUN;
        if (c.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          rival = Kind.of(Rival.order(w, 2, 2));
          c.resume();
        }
        Call call = Call.of(c, w);
        Serializability.expect(
            "with another order for 2 mice placed while the cart was paused before "
                + clean.call().statement(k),
            parties,
            new Outcome(
                List.of(),
                List.of(Kind.of(call, suite.exercise().rejectionType()), rival),
                w.snapshot()),
            serial,
            Statements.oneTransaction(clean.call().statements()) ? null : clean.before());
      }
    }
  }

  /**
   * Two of the student's own carts that overlap in reverse order (6 keyboards and 2 mice; 2 mice
   * and 6 keyboards: only one can be served), the first paused at every boundary while the second
   * runs until it ends or can only wait for the first: no deadlock, no oversell, the loser clean.
   */
  @Test
  @DisplayName("two overlapping carts, interleaved at any statement: no deadlock, no oversell")
  @Graded(category = "isolation", points = 3, hint = "cart.hint.overlap")
  void overlappingCartsAtEveryBoundaryNeverBreakIsolation(SuiteContext suite) {
    List<Line> first = List.of(new Line(1, 6), new Line(2, 2));
    List<Line> second = List.of(new Line(2, 2), new Line(1, 6));
    Carts.Clean clean = Carts.Clean.run(suite, 2, first, "to interleave two carts");
    Plan held = Plan.NORMAL.withoutCleanup();
    List<Party> parties = List.of(cart(suite, 2, first, held), cart(suite, 3, second, held));
    List<Outcome> serial =
        Serializability.serial(suite, parties, List.of(List.of(0, 1), List.of(1, 0)));
    String rejection = suite.exercise().rejectionType();
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall a = Carts.start(w, 2, first, held.pausing(k).watched());
        if (!a.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          Call.of(a, w);
          continue;
        }
        RemoteCall b = Carts.start(w, 3, second, held.watched());
        b.until(suite.session().callDeadline(), "WAITING", "STUCK");
        a.resume();
        Call ca = Call.of(a, w);
        Call cb = Call.of(b, w);
        w.closeLeaked();
        Serializability.expect(
            "with your second cart "
                + Carts.describe(second)
                + " run while the first was paused before "
                + clean.call().statement(k),
            parties,
            new Outcome(
                List.of(), List.of(Kind.of(ca, rejection), Kind.of(cb, rejection)), w.snapshot()),
            serial,
            Statements.oneTransaction(clean.call().statements()) ? null : clean.before());
      }
    }
  }
}
