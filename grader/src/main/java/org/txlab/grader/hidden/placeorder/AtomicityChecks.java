package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

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

@Order(2)
@ExtendWith(SuiteExtension.class)
class AtomicityChecks {

  /**
   * Fails each statement of the transaction's window in turn (from the first statement to the one
   * that committed, as SQLite reported it): the database must then hold nothing of the order, or
   * all of it (code that retries and succeeds is atomic too). Statements after the commit are not
   * failed: no code could undo a committed order.
   */
  @Test
  @DisplayName("a failure at any statement up to the commit leaves nothing or the whole order")
  @Graded(category = "atomicity", points = 3, hint = "hint.atomicity")
  void failureAtEveryStatementLeavesNothingOrEverything(SuiteContext suite) {
    Clean clean = Clean.run(suite, 5, 1, 2, "to inject failures into its statements");
    for (int k : Statements.faultable(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Call call = Placed.call(w, 5, 1, 2, Plan.NORMAL.failing(k));
        ShopSnapshot after = w.snapshot();
        String when =
            "after statement " + clean.call().statement(k) + " failed (and " + call.outcome() + ")";
        if (after.sameContent(clean.before()) || after.sameContent(clean.after())) {
          if (call.returned() && !after.sameContent(clean.after())) {
            fail(
                Feedback.get(
                    "atomicity.swallowed",
                    call.label(),
                    clean.call().statement(k),
                    call.outcome()));
          }
          continue;
        }
        fail(Feedback.get("atomicity.partial", when, clean.before().changesTo(after)));
      }
    }
  }

  /**
   * Kills the student's code with SIGKILL right after its first write (as SQLite reported it,
   * whatever the SQL looks like), before anything else it does; on reopening, the database must
   * hold nothing of the order, or all of it.
   */
  @Test
  @DisplayName("a crash right after the first write leaves nothing or the whole order")
  @Graded(category = "atomicity", points = 3, hint = "hint.crash")
  void crashAfterTheFirstWriteLeavesNothingOrEverything(SuiteContext suite) {
    Clean clean = Clean.run(suite, 5, 1, 2, "to crash it between its writes");
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      RemoteCall call = Placed.start(w, 5, 1, 2, Plan.NORMAL.parkingAfterWrite(1));
      RemoteCall.Event e = call.until(suite.session().callDeadline(), "PARKED");
      if (e.kind().equals("RESULT")) {
        Call done = Call.of(call, w);
        fail(Feedback.get("crash.noWrite", done.label(), done.outcome()));
      }
      int after = Integer.parseInt(e.detail());
      jvm.kill("[KILLED] by the crash test");
      jvm.awaitExit(java.time.Duration.ofSeconds(10));
      ShopSnapshot reopened = w.snapshot();
      if (!reopened.sameContent(clean.before()) && !reopened.sameContent(clean.after())) {
        fail(
            Feedback.get(
                "crash.partial",
                "placeOrder(5, 1, 2)",
                clean.call().statement(after),
                clean.before().changesTo(reopened)));
      }
    }
  }
}
