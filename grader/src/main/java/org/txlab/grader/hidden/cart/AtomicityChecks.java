package org.txlab.grader.hidden.cart;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.cart.Line;
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
  private static final List<Line> CART = FunctionalChecks.TWO_LINES;

  /**
   * Fails each statement of the transaction's window in turn, across both lines: the database then
   * holds nothing of the cart, or all of it.
   */
  @Test
  @DisplayName("a failure at any statement, on any line, leaves nothing or the whole cart")
  @Graded(category = "atomicity", points = 3, hint = "cart.hint.atomicity")
  void failureAtEveryStatementLeavesNothingOrEverything(SuiteContext suite) {
    Carts.Clean clean = Carts.Clean.run(suite, 5, CART, "to inject failures into its statements");
    for (int k : Statements.faultable(clean.call().statements())) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Call call = Carts.call(w, 5, CART, Plan.NORMAL.failing(k));
        ShopSnapshot after = w.snapshot();
        if (after.sameContent(clean.before()) || after.sameContent(clean.after())) {
          if (call.returned() && !after.sameContent(clean.after())) {
            fail(
                Feedback.get(
                    "cart.swallowed", call.label(), clean.call().statement(k), call.outcome()));
          }
          continue;
        }
        fail(
            Feedback.get(
                "cart.partialAfterFault",
                clean.call().statement(k),
                call.outcome(),
                clean.before().changesTo(after)));
      }
    }
  }

  /**
   * A cart rejected on a later line (not enough stock, an unknown product, too much of one product
   * over two lines) leaves nothing of its earlier lines behind.
   */
  @Test
  @DisplayName("a cart rejected on a later line leaves nothing of the earlier lines")
  @Graded(category = "atomicity", points = 2, hint = "cart.hint.rejectedCart")
  void aCartRejectedOnALaterLineLeavesNothing(SuiteContext suite) {
    Carts.Clean.run(suite, 1, CART, "to see what a rejected cart leaves behind");
    for (List<Line> cart :
        List.of(
            List.of(new Line(1, 1), new Line(2, 4)),
            List.of(new Line(1, 1), new Line(999, 1)),
            List.of(new Line(2, 2), new Line(2, 2)))) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        ShopSnapshot before = w.snapshot();
        Call call = Carts.call(w, 1, cart, Plan.NORMAL);
        ShopSnapshot after = w.snapshot();
        if (!call.returned() && !after.sameContent(before)) {
          fail(
              Feedback.get(
                  "cart.rejectedButWritten",
                  call.label(),
                  call.outcome(),
                  before.changesTo(after)));
        }
      }
    }
  }

  /**
   * Kills the student's code with SIGKILL right after its next-to-last write (as SQLite reported
   * it), before the last one: on reopening, nothing of the cart, or all of it. That point lies past
   * any early commit (a commit per line, or one for the stock and one for the orders) and before
   * the end of autocommitted writes.
   */
  @Test
  @DisplayName("a crash in the middle of the cart leaves nothing or the whole cart")
  @Graded(category = "atomicity", points = 3, hint = "cart.hint.crash")
  void crashMidCartLeavesNothingOrEverything(SuiteContext suite) {
    Carts.Clean clean = Carts.Clean.run(suite, 5, CART, "to crash it in the middle of the cart");
    int writes = Statements.writes(clean.call().statements());
    int at = Math.max(1, writes - 1);
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      RemoteCall call = Carts.start(w, 5, CART, Plan.NORMAL.parkingAfterWrite(at));
      RemoteCall.Event e = call.until(suite.session().callDeadline(), "PARKED");
      if (e.kind().equals("RESULT")) {
        Call done = Call.of(call, w);
        fail(Feedback.get("cart.noCrash", done.label(), at, done.outcome()));
      }
      jvm.kill("[KILLED] by the crash test");
      jvm.awaitExit(Duration.ofSeconds(10));
      ShopSnapshot reopened = w.snapshot();
      if (!reopened.sameContent(clean.before()) && !reopened.sameContent(clean.after())) {
        fail(
            Feedback.get(
                "cart.partialAfterCrash",
                call.label(),
                clean.call().statement(Integer.parseInt(e.detail())),
                at,
                writes,
                clean.before().changesTo(reopened)));
      }
    }
  }
}
