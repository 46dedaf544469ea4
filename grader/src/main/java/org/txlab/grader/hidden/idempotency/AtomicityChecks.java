package org.txlab.grader.hidden.idempotency;

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
 * The key and its order commit together: a failure at any statement, or a crash after the first
 * write, leaves nothing or the whole order, and the client's retry with the same key then places
 * exactly one. A key stored without its order (or an order without its key) shows up at the retry.
 */
@Order(2)
@ExtendWith(SuiteExtension.class)
class AtomicityChecks {

  @Test
  @Order(1)
  @DisplayName(
      "a failure at any statement, then a retry with the same key, leaves exactly one order")
  @Graded(category = "atomicity", points = 3, hint = "keyed.hint.atomicity")
  void failureAtEveryStatementThenRetryLeavesOneOrder(SuiteContext suite) {
    Keyed.Clean clean =
        Keyed.Clean.run(suite, "retry-5", 5, 1, 2, "to inject failures into its statements");
    for (int k : Statements.faultable(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Call failed = Keyed.call(w, "retry-5", 5, 1, 2, Plan.NORMAL.failing(k));
        ShopSnapshot between = w.snapshot();
        String when =
            "after statement "
                + clean.call().statement(k)
                + " failed (and the call "
                + failed.outcome()
                + ")";
        if (!between.sameContent(clean.before()) && !between.sameContentInAnyOrder(clean.after())) {
          fail(Feedback.get("atomicity.partial", when, clean.before().changesTo(between)));
        }
        Call retry = Keyed.call(w, "retry-5", 5, 1, 2, Plan.NORMAL);
        ShopSnapshot after = w.snapshot();
        String retried = when + ", then the retry " + retry.label() + " " + retry.outcome();
        if (!retry.returned()) {
          fail(Feedback.get("keyed.retryFailed", when, retry.label(), retry.outcome()));
        }
        Keyed.expectExactlyTheCleanOrder(after, clean, retried);
        expectReturnedTheStoredOrder(retry, after, retried);
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("a crash right after the first write leaves nothing, and a retry places one order")
  @Graded(category = "atomicity", points = 2, hint = "keyed.hint.crash")
  void crashAfterTheFirstWriteThenRetryLeavesOneOrder(SuiteContext suite) {
    Keyed.Clean clean =
        Keyed.Clean.run(suite, "crash-5", 5, 1, 2, "to crash it between its writes");
    AgentProcess jvm = suite.session().killable();
    java.nio.file.Path db;
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      db = w.db();
      RemoteCall call = Keyed.start(w, "crash-5", 5, 1, 2, Plan.NORMAL.parkingAfterWrite(1));
      RemoteCall.Event e = call.until(suite.session().callDeadline(), "PARKED");
      if (e.kind().equals("RESULT")) {
        Call done = Call.of(call, w);
        fail(Feedback.get("crash.noWrite", done.label(), done.outcome()));
      }
      int write = Integer.parseInt(e.detail());
      jvm.kill("[KILLED] by the crash test");
      jvm.awaitExit(Duration.ofSeconds(10));
      ShopSnapshot reopened = w.snapshot();
      if (!reopened.sameContent(clean.before()) && !reopened.sameContentInAnyOrder(clean.after())) {
        fail(
            Feedback.get(
                "crash.partial",
                clean.call().label(),
                clean.call().statement(write),
                clean.before().changesTo(reopened)));
      }
    }
    ShopWorld.awaitTheCrashOver(suite, db);
    // The client retries, in a process that did not crash, on the same database.
    try (ShopWorld again = ShopWorld.reopen(suite, suite.session().main(), db)) {
      Call retry = Keyed.call(again, "crash-5", 5, 1, 2, Plan.NORMAL);
      ShopSnapshot after = again.snapshot();
      String when = "after a crash right after the first write, the retry " + retry.label();
      if (!retry.returned()) {
        fail(
            Feedback.get(
                "keyed.retryFailed",
                "after a crash right after the first write",
                retry.label(),
                retry.outcome()));
      }
      Keyed.expectExactlyTheCleanOrder(after, clean, when + " " + retry.outcome());
      expectReturnedTheStoredOrder(retry, after, when);
    }
  }

  /** Fails unless the retry returned the one order the database holds. */
  static void expectReturnedTheStoredOrder(Call retry, ShopSnapshot after, String when) {
    org.txlab.placeorder.Order returned = retry.expectOrder();
    if (after.orders().size() == 1 && !after.orders().get(0).equals(returned)) {
      fail(Feedback.get("keyed.returnedOther", when, returned, after.orders().get(0)));
    }
  }
}
