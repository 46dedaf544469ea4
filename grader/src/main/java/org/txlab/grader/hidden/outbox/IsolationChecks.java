package org.txlab.grader.hidden.outbox;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Two orders at once, found deterministically: the first placeOrder paused before each of its
 * statements in turn while another runs until it ends or can only wait; then a relay with a broker
 * that acknowledges everything sends what they wrote.
 */
@Order(4)
@ExtendWith(SuiteExtension.class)
class IsolationChecks {

  @Test
  @DisplayName("two orders placed at once: one message each, distinct ids, in the orders' order")
  @Graded(category = "isolation", points = 3, hint = "outbox.hint.atOnce")
  void twoOrdersAtOnceHaveOneMessageEachInOrder(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    AtomicityChecks.Clean clean = AtomicityChecks.Clean.run(suite, "to run two at once");
    Plan held = Plan.NORMAL.withoutCleanup();
    boolean oneTransaction = writeCommits(clean.call().statements()) <= 1;
    for (int k : untilTheFirstWriteCommits(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall first = Outbox.startPlace(w, 5, 1, 2, held.pausing(k).watched());
        if (!first.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          Call.of(first, w);
          continue;
        }
        RemoteCall second = Outbox.startPlace(w, 6, 1, 1, held.watched());
        boolean waiting =
            !second
                .until(suite.session().callDeadline(), "WAITING", "STUCK")
                .kind()
                .equals("RESULT");
        first.resume();
        Call a = Call.of(first, w);
        Call b = Call.of(second, w);
        w.closeLeaked();
        if (waiting && !oneTransaction) {
          // The second waits for the first, which commits in several transactions: which of them
          // gets the lock between those is a race, never a verdict; atomicity judges that code.
          continue;
        }
        String when =
            "with placeOrder(6, 1, 1) run while placeOrder(5, 1, 2) was paused before "
                + clean.call().statement(k)
                + " (the first "
                + a.outcome()
                + ", the second "
                + b.outcome()
                + ")";
        List<org.txlab.placeorder.Order> orders = new ArrayList<>(w.snapshot().orders());
        for (Call c : List.of(a, b)) {
          if (c.returned()) {
            org.txlab.placeorder.Order o = Call.order(c.result().value());
            if (o == null || !orders.contains(o)) {
              fail(Feedback.get("outbox.returnedMissing", when, c.label(), c.outcome()));
            }
          }
        }
        Outbox.relay(w, relay, "relay", 200);
        Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), when);
        Outbox.expectDelivered(Outbox.sends(w), orders, when + ", then a relay ran");
      }
    }
  }

  /** Counts the commits of a clean run that made writes durable. */
  private static int writeCommits(List<StatementRecord> clean) {
    int commits = 0;
    boolean wrote = false;
    for (StatementRecord s : clean) {
      wrote |= s.wrote();
      if (wrote && s.committed()) {
        commits++;
        wrote = false;
      }
    }
    return commits;
  }

  /**
   * The boundaries up to the statement during which the call's first writes committed: a pause
   * after that commit finds the order half committed, which is atomicity's to judge.
   */
  private static List<Integer> untilTheFirstWriteCommits(List<StatementRecord> clean) {
    int limit = Integer.MAX_VALUE;
    boolean wrote = false;
    for (StatementRecord s : clean) {
      wrote |= s.wrote();
      if (wrote && s.committed()) {
        limit = s.number();
        break;
      }
    }
    int last = limit;
    return Statements.boundaries(clean).stream().filter(k -> k <= last).toList();
  }
}
