package org.txlab.grader.hidden.idempotency;

import static org.junit.jupiter.api.Assertions.fail;

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
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Two calls at once, found deterministically: the first is paused before each of its statements in
 * turn while the other runs until it ends or can only wait.
 */
@Order(4)
@ExtendWith(SuiteExtension.class)
class IsolationChecks {
  private static final long MOUSE = 2;

  /**
   * The double click: the same key and request twice at once. Exactly one order may exist
   * afterwards; each call returns it, or rejects cleanly (a request still in progress, say), never
   * with a raw database error.
   */
  @Test
  @Order(1)
  @DisplayName("a second call with the same key at any point of the first places no second order")
  @Graded(category = "isolation", points = 2, hint = "keyed.hint.sameKeyAtOnce")
  void theSameKeyTwiceAtOncePlacesOneOrder(SuiteContext suite) {
    Keyed.Clean clean = Keyed.Clean.run(suite, "twice-2", 2, MOUSE, 2, "to run it twice at once");
    Plan held = Plan.NORMAL.withoutCleanup();
    String rejection = suite.exercise().rejectionType();
    boolean oneTransaction = writeCommits(clean.call().statements()) <= 1;
    for (int k : untilTheFirstWriteCommits(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall first = Keyed.start(w, "twice-2", 2, MOUSE, 2, held.pausing(k).watched());
        if (!first.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          Call.of(first, w);
          continue;
        }
        RemoteCall second = Keyed.start(w, "twice-2", 2, MOUSE, 2, held.watched());
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
          // The second waits for the first, which commits in several transactions: once the
          // first goes on, which of them gets the lock between those transactions is a race,
          // never a verdict. Code that commits a call's effect in pieces is atomicity's to judge.
          continue;
        }
        ShopSnapshot after = w.snapshot();
        String when =
            "with the same call run again while the first was paused before "
                + clean.call().statement(k)
                + " (the first "
                + a.outcome()
                + ", the second "
                + b.outcome()
                + ")";
        for (Call c : List.of(a, b)) {
          if (!c.returned() && Kind.of(c, rejection) != Kind.REJECTED) {
            fail(Feedback.get("keyed.rawFailure", when, c.label(), c.outcome()));
          }
        }
        Keyed.expectExactlyTheCleanOrder(after, clean, when);
        for (Call c : List.of(a, b)) {
          if (c.returned()) {
            AtomicityChecks.expectReturnedTheStoredOrder(c, after, when);
          }
        }
      }
    }
  }

  /** Counts the commits of a clean run that made writes durable. */
  private static int writeCommits(List<org.txlab.course.jdbc.StatementRecord> clean) {
    int commits = 0;
    boolean wrote = false;
    for (org.txlab.course.jdbc.StatementRecord s : clean) {
      wrote |= s.wrote();
      if (wrote && s.committed()) {
        commits++;
        wrote = false;
      }
    }
    return commits;
  }

  /**
   * The boundaries up to the statement during which the call's first writes committed. A pause
   * after that commit, before a later transaction of the same call, finds the call's effect half
   * committed: that is atomicity's to judge (the key and its order commit together), not this
   * test's.
   */
  private static List<Integer> untilTheFirstWriteCommits(
      List<org.txlab.course.jdbc.StatementRecord> clean) {
    int limit = Integer.MAX_VALUE;
    boolean wrote = false;
    for (org.txlab.course.jdbc.StatementRecord s : clean) {
      wrote |= s.wrote();
      if (wrote && s.committed()) {
        limit = s.number();
        break;
      }
    }
    int last = limit;
    return Statements.boundaries(clean).stream().filter(k -> k <= last).toList();
  }

  /**
   * Another client's order (another key) for the same mice at every boundary of the call: the
   * outcome must be one the two orders give one after the other.
   */
  @Test
  @Order(2)
  @DisplayName("another key's order placed at any point of your call never oversells")
  @Graded(category = "isolation", points = 2, hint = "hint.rival")
  void anotherOrderAtEveryStatementBoundaryNeverOversells(SuiteContext suite) {
    Keyed.Clean clean =
        Keyed.Clean.run(suite, "rival-2", 2, MOUSE, 2, "to interleave another order");
    String rejection = suite.exercise().rejectionType();
    Party student =
        new Party() {
          @Override
          public String name() {
            return "placeOrder(\"rival-2\", 2, 2, 2)";
          }

          @Override
          public Kind run(ShopWorld w) {
            return Kind.of(Keyed.call(w, "rival-2", 2, MOUSE, 2, Plan.NORMAL), rejection);
          }
        };
    Party judge =
        new Party() {
          @Override
          public String name() {
            return "the other order";
          }

          @Override
          public Kind run(ShopWorld w) {
            return Kind.of(Rival.order(w, MOUSE, 2));
          }
        };
    List<Party> parties = List.of(student, judge);
    List<Outcome> serial =
        Serializability.serial(suite, parties, List.of(List.of(0, 1), List.of(1, 0), List.of(0)));
    for (int k : Statements.boundaries(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        RemoteCall c = Keyed.start(w, "rival-2", 2, MOUSE, 2, Plan.NORMAL.pausing(k));
        Kind rival = Kind.NOT_RUN;
        if (c.until(suite.session().callDeadline(), "PAUSED").kind().equals("PAUSED")) {
          rival = Kind.of(Rival.order(w, MOUSE, 2));
          c.resume();
        }
        Call call = Call.of(c, w);
        Serializability.expect(
            "with another order for 2 mice placed while yours was paused before "
                + clean.call().statement(k),
            parties,
            new Outcome(List.of(), List.of(Kind.of(call, rejection), rival), w.snapshot()),
            serial,
            Statements.oneTransaction(clean.call().statements()) ? null : clean.before());
      }
    }
  }
}
