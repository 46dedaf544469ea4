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
import org.txlab.grader.hidden.Serializability;
import org.txlab.grader.hidden.Serializability.Kind;
import org.txlab.grader.hidden.Serializability.Outcome;
import org.txlab.grader.hidden.Serializability.Party;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Isolation, found deterministically and judged by serializability: whatever the interleaving, the
 * outcome must be one the same orders produce one after the other (see {@link Serializability}).
 * Every verdict is a function of the code, never of a race's luck or the machine's speed.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class IsolationChecks {
  private static final long KEYBOARD = 1;
  private static final long MOUSE = 2;
  private static final int UNITS = 2;

  private static Party student(SuiteContext suite, long user, long product) {
    return student(suite, user, product, Plan.NORMAL);
  }

  private static Party student(SuiteContext suite, long user, long product, Plan plan) {
    String rejection = suite.exercise().rejectionType();
    return new Party() {
      @Override
      public String name() {
        return "placeOrder(" + user + ", " + product + ", " + UNITS + ")";
      }

      @Override
      public Kind run(ShopWorld w) {
        return Kind.of(Placed.call(w, user, product, UNITS, plan), rejection);
      }
    };
  }

  private static Party judge(String name, long product) {
    return new Party() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Kind run(ShopWorld w) {
        return Kind.of(Rival.order(w, product, UNITS));
      }
    };
  }

  /**
   * The lock holder: the judge's own transaction has taken 2 units and holds the write lock while
   * the student's call for 2 more runs; the judge commits as soon as the call waits (for the lock,
   * or in a sleep or block of its own) or ends, so no wait depends on time. Twice: with keyboards
   * (10: enough for both, the call must succeed) and with mice (3: the call must be rejected). Both
   * must end as the other order and then the call, one after the other.
   */
  @Test
  @DisplayName("an order placed while another order holds the lock waits, then sees its stock")
  @Graded(category = "isolation", points = 3, hint = "hint.lockholder")
  void waitsForAConcurrentOrderThenSeesItsStock(SuiteContext suite) throws SQLException {
    Clean.run(suite, 2, MOUSE, UNITS, "to run it against a concurrent order");
    for (long product : new long[] {KEYBOARD, MOUSE}) {
      List<Party> parties =
          List.of(judge("the other order (holding the lock)", product), student(suite, 2, product));
      List<Outcome> serial = Serializability.serial(suite, parties, List.of(List.of(0, 1)));
      try (ShopWorld w = ShopWorld.open(suite)) {
        Call call;
        try (Connection holder = w.judge().open();
            Statement s = holder.createStatement()) {
          s.execute("BEGIN IMMEDIATE");
          s.executeUpdate(
              "UPDATE products SET stock = stock - " + UNITS + " WHERE id = " + product);
          s.executeUpdate(
              "INSERT INTO orders (user_id, product_id, quantity) VALUES ("
                  + Rival.USER
                  + ", "
                  + product
                  + ", "
                  + UNITS
                  + ")");
          RemoteCall c = Placed.start(w, 2, product, UNITS, Plan.NORMAL.againstJudgeLock());
          c.until(suite.session().callDeadline(), "WAITING", "STUCK");
          try {
            s.execute("COMMIT");
          } catch (SQLException e) {
            // The call kept a lock the commit needs for as long as a call may take.
            c.released();
            fail(Feedback.get("lockholder.blocked", c.label(), e.getMessage()));
          }
          c.released();
          call = Call.of(c, w);
        }
        Serializability.expect(
            "while another order held the lock on 2 units of product " + product,
            parties,
            new Outcome(
                List.of(),
                List.of(Kind.RETURNED, Kind.of(call, suite.exercise().rejectionType())),
                w.snapshot()),
            serial);
      }
    }
  }

  /**
   * A rival at every statement boundary: the student's call (2 of the 3 mice) is paused before each
   * of its statements in turn while the judge's own correct order for 2 mice runs (at once: it
   * waits for nothing, the student is paused), then the call goes on.
   */
  @Test
  @DisplayName("another order placed at any point of your call never breaks isolation")
  @Graded(category = "isolation", points = 2, hint = "hint.rival")
  void aRivalAtEveryStatementBoundaryNeverBreaksIsolation(SuiteContext suite) {
    Clean clean = Clean.run(suite, 2, MOUSE, UNITS, "to interleave another order with it");
    List<Party> parties = List.of(student(suite, 2, MOUSE), judge("the other order", MOUSE));
    List<Outcome> serial =
        Serializability.serial(suite, parties, List.of(List.of(0, 1), List.of(1, 0), List.of(0)));
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall c = Placed.start(w, 2, MOUSE, UNITS, Plan.NORMAL.pausing(k));
        Kind rival = Kind.NOT_RUN;
        if (c.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          rival = Kind.of(Rival.order(w, MOUSE, UNITS));
          c.resume();
        }
        Call call = Call.of(c, w);
        Outcome observed =
            new Outcome(
                List.of(),
                List.of(Kind.of(call, suite.exercise().rejectionType()), rival),
                w.snapshot());
        Serializability.expect(
            "with another order for 2 mice placed while yours was paused before "
                + clean.call().statement(k),
            parties,
            observed,
            serial,
            Statements.oneTransaction(clean.call().statements()) ? null : clean.before());
      }
    }
  }

  /**
   * Your own code as the rival: two calls on the same object, the first paused before each of its
   * statements in turn while the second runs until it ends or can only wait for the first (a lock,
   * a monitor, a sleep of its own, a busy database), then the first goes on. Catches what a judge's
   * rival cannot: a connection or other state shared between calls.
   */
  @Test
  @DisplayName("two of your own calls interleaved at any statement never break isolation")
  @Graded(category = "isolation", points = 2, hint = "hint.selfRival")
  void yourOwnCallAtEveryStatementBoundaryNeverBreaksIsolation(SuiteContext suite) {
    Clean clean = Clean.run(suite, 2, MOUSE, UNITS, "to interleave two of its calls");
    Plan held = Plan.NORMAL.withoutCleanup();
    List<Party> parties = List.of(student(suite, 2, MOUSE, held), student(suite, 3, MOUSE, held));
    List<Outcome> serial =
        Serializability.serial(suite, parties, List.of(List.of(0, 1), List.of(1, 0)));
    String rejection = suite.exercise().rejectionType();
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall first = Placed.start(w, 2, MOUSE, UNITS, held.pausing(k).watched());
        if (!first.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          Call.of(first, w);
          continue;
        }
        RemoteCall second = Placed.start(w, 3, MOUSE, UNITS, held.watched());
        second.until(suite.session().callDeadline(), "WAITING", "STUCK");
        first.resume();
        Call a = Call.of(first, w);
        Call b = Call.of(second, w);
        // Both are done: what they left open may be closed now, not while the other runs.
        w.closeLeaked();
        Serializability.expect(
            "with your second call placeOrder(3, 2, 2) run while the first was paused before "
                + clean.call().statement(k),
            parties,
            new Outcome(
                List.of(), List.of(Kind.of(a, rejection), Kind.of(b, rejection)), w.snapshot()),
            serial,
            Statements.oneTransaction(clean.call().statements()) ? null : clean.before());
      }
    }
  }
}
