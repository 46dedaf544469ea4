package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.Rival;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Isolation, found deterministically: every verdict is a function of the code, never of a race's
 * luck or the machine's speed. The scenarios sell the mouse (product 2, stock 3) to two orders of 2
 * units, so that only one can win and an off-by-one in the stock check changes nothing here.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class IsolationChecks {
  private static final long MOUSE = 2;
  private static final long STOCK = 3;
  private static final int UNITS = 2;

  /**
   * The lock holder: the judge's own transaction has taken 2 mice and holds the write lock while
   * the student's call for 2 more runs. The judge commits as soon as the call waits (for the lock,
   * or in a sleep of its own) or ends, so the call's wait never depends on time. A correct call
   * then sees 1 mouse and rejects cleanly.
   */
  @Test
  @DisplayName(
      "an order placed while another order holds the stock waits, then is rejected cleanly")
  @Graded(category = "isolation", points = 3, hint = "hint.lockholder")
  void waitsForAConcurrentOrderThenRejectsCleanly(SuiteContext suite) throws SQLException {
    Clean.run(suite, 2, MOUSE, UNITS, "to run it against a concurrent order");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call call;
      try (Connection holder = w.judge().open();
          Statement s = holder.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        s.executeUpdate("UPDATE products SET stock = stock - " + UNITS + " WHERE id = " + MOUSE);
        s.executeUpdate(
            "INSERT INTO orders (user_id, product_id, quantity) VALUES ("
                + Rival.USER
                + ", "
                + MOUSE
                + ", "
                + UNITS
                + ")");
        RemoteCall c = Placed.start(w, 2, MOUSE, UNITS, Plan.NORMAL.againstJudgeLock());
        c.until(suite.session().callDeadline(), "WAITING", "STUCK");
        try {
          s.execute("COMMIT");
        } catch (SQLException e) {
          // The student's call kept a lock the commit needs for as long as a call may take.
          c.released();
          fail(Feedback.get("lockholder.blocked", c.label(), e.getMessage()));
        }
        c.released();
        call = Call.of(c, w);
      }
      String when = "while another order held the lock on 2 of the 3 mice";
      Checks.expectIsolated(
          w.snapshot(), MOUSE, STOCK, when, List.of(call), List.of(2L), Boolean.TRUE);
      if (call.returned()) {
        fail(Feedback.get("lockholder.sold", call.label(), call.outcome()));
      }
    }
  }

  /**
   * A rival at every statement boundary: the student's call is paused before each of its statements
   * in turn, the judge's own correct order for the same units runs (at once: it waits for nothing),
   * then the call goes on. Whatever the interleaving, no unit is sold twice, every outcome matches
   * the database, and a loser is rejected cleanly.
   */
  @Test
  @DisplayName("another order placed at any point of your call never makes it oversell or fail raw")
  @Graded(category = "isolation", points = 2, hint = "hint.rival")
  void aRivalAtEveryStatementBoundaryNeverBreaksIsolation(SuiteContext suite) {
    Clean clean = Clean.run(suite, 2, MOUSE, UNITS, "to interleave another order with it");
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall c = Placed.start(w, 2, MOUSE, UNITS, Plan.NORMAL.pausing(k));
        RemoteCall.Event e = c.until(suite.session().callDeadline(), "PAUSED");
        Boolean rival = null;
        if (e.kind().equals("PAUSED")) {
          rival = Rival.order(w, MOUSE, UNITS) == Rival.Outcome.PLACED;
          c.resume();
        }
        Call call = Call.of(c, w);
        String when =
            "with another order for 2 mice placed while yours was paused before "
                + clean.call().statement(k);
        Checks.expectIsolated(w.snapshot(), MOUSE, STOCK, when, List.of(call), List.of(2L), rival);
      }
    }
  }

  /**
   * Your own code as the rival: two calls on the same object, the first paused before each of its
   * statements in turn while the second runs until it ends or waits for the first (a lock, a
   * monitor, a sleep of its own), then the first goes on. Catches what a judge's rival cannot: a
   * connection or other state shared between calls.
   */
  @Test
  @DisplayName("two of your own calls interleaved at any statement never oversell or fail raw")
  @Graded(category = "isolation", points = 2, hint = "hint.selfRival")
  void yourOwnCallAtEveryStatementBoundaryNeverBreaksIsolation(SuiteContext suite) {
    Clean clean = Clean.run(suite, 2, MOUSE, UNITS, "to interleave two of its calls");
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall first = Placed.start(w, 2, MOUSE, UNITS, Plan.NORMAL.pausing(k).watched());
        RemoteCall.Event e = first.until(suite.session().callDeadline(), "PAUSED");
        Call second = null;
        if (e.kind().equals("PAUSED")) {
          RemoteCall other = Placed.start(w, 3, MOUSE, UNITS, Plan.NORMAL.watched());
          RemoteCall.Event o = other.until(suite.session().callDeadline(), "WAITING", "STUCK");
          first.resume();
          if (o.kind().equals("RESULT")) {
            second = Call.of(other, w);
          }
          Call a = Call.of(first, w);
          Call b = second != null ? second : Call.of(other, w);
          String when =
              "with your second call placeOrder(3, 2, 2) run while the first was paused before "
                  + clean.call().statement(k);
          Checks.expectIsolated(
              w.snapshot(), MOUSE, STOCK, when, List.of(a, b), List.of(2L, 3L), null);
        } else {
          Call.of(first, w);
        }
      }
    }
  }
}
