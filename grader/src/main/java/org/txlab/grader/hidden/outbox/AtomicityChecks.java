package org.txlab.grader.hidden.outbox;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * An order and its message are written together or not at all, judged by effect on every table of
 * the file (whatever the outbox is called) and never through the relay: a failed or crashed
 * placeOrder leaves every table as it was.
 */
@Order(2)
@ExtendWith(SuiteExtension.class)
class AtomicityChecks {

  /** A clean placeOrder(5, 1, 2) in a world of its own, for its statements and its effect. */
  record Clean(Call call, Outbox.Tables before, Outbox.Tables after, ShopSnapshot placed) {
    static Clean run(SuiteContext suite, String needed) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Outbox.Tables before = Outbox.Tables.read(w);
        Call call = Outbox.place(w, 5, 1, 2, Plan.NORMAL);
        Outbox.Tables after = Outbox.Tables.read(w);
        if (!call.returned() || after.equals(before)) {
          fail(
              Feedback.get(
                  "clean.notPlaced",
                  call.label(),
                  needed,
                  call.returned() ? "returned but the database was unchanged" : call.outcome()));
        }
        return new Clean(call, before, after, w.snapshot());
      }
    }
  }

  @Test
  @Order(1)
  @DisplayName("a failure at any statement of placeOrder leaves every table unchanged")
  @Graded(category = "atomicity", points = 2, hint = "outbox.hint.atomicity")
  void failureAtEveryStatementLeavesEveryTableUnchanged(SuiteContext suite) {
    Clean clean = Clean.run(suite, "to inject failures into its statements");
    for (int k : Statements.faultable(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Outbox.Tables before = Outbox.Tables.read(w);
        Call failed = Outbox.place(w, 5, 1, 2, Plan.NORMAL.failing(k));
        Outbox.Tables after = Outbox.Tables.read(w);
        String when =
            "after statement "
                + clean.call().statement(k)
                + " failed (and the call "
                + failed.outcome()
                + ")";
        if (failed.returned()) {
          // The code recovered (say, it retried): then the whole order must be there.
          if (!w.snapshot().sameContentInAnyOrder(clean.placed())
              || !after.counts().equals(clean.after().counts())) {
            fail(Feedback.get("outbox.partial", when, clean.before().changesTo(after)));
          }
        } else if (!after.equals(before)) {
          fail(Feedback.get("outbox.partial", when, before.changesTo(after)));
        }
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("a crash right after placeOrder's first write leaves every table unchanged")
  @Graded(category = "atomicity", points = 2, hint = "outbox.hint.crash")
  void crashAfterTheFirstWriteLeavesEveryTableUnchanged(SuiteContext suite) {
    Clean clean = Clean.run(suite, "to crash it between its writes");
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      Outbox.Tables before = Outbox.Tables.read(w);
      RemoteCall call = Outbox.startPlace(w, 5, 1, 2, Plan.NORMAL.parkingAfterWrite(1));
      RemoteCall.Event e = call.until(suite.session().callDeadline(), "PARKED");
      if (e.kind().equals("RESULT")) {
        Call done = Call.of(call, w);
        fail(Feedback.get("crash.noWrite", done.label(), done.outcome()));
      }
      int write = Integer.parseInt(e.detail());
      jvm.kill("[KILLED] by the crash test");
      jvm.awaitExit(Duration.ofSeconds(10));
      ShopWorld.awaitTheCrashOver(suite, w.db());
      Outbox.Tables reopened = Outbox.Tables.read(w);
      if (!reopened.equals(before)) {
        fail(
            Feedback.get(
                "outbox.crashPartial",
                clean.call().label(),
                clean.call().statement(write),
                before.changesTo(reopened)));
      }
    }
  }
}
