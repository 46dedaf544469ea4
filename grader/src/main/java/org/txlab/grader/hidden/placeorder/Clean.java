package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import org.txlab.grader.hidden.Bypass;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;

/**
 * The clean run a test starts from: one call with nothing else going on, in a world of its own. It
 * tells the test how many statements the code runs, which of them commit, and what the code stores.
 * A test whose property cannot be seen because the clean run stores nothing fails with a message
 * that says so and points at the functional tests, and never claims the property broke.
 *
 * @param call the call
 * @param before the database before it
 * @param after the database after it
 */
record Clean(Call call, ShopSnapshot before, ShopSnapshot after) {

  /** Runs {@code placeOrder(userId, productId, quantity)} once in a fresh world. */
  static Clean run(SuiteContext suite, long userId, long productId, int quantity, String needed) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      ShopSnapshot before = w.snapshot();
      Call call = Placed.call(w, userId, productId, quantity, Plan.NORMAL);
      ShopSnapshot after = w.snapshot();
      if (!call.returned() || before.sameContent(after)) {
        fail(
            Feedback.get(
                "clean.notPlaced",
                call.label(),
                needed,
                call.returned() ? "returned but the database was unchanged" : call.outcome()));
      }
      Bypass.expectNone(suite, call, before, after);
      return new Clean(call, before, after);
    }
  }

  /** Returns how many statements the clean run made. */
  int statements() {
    return call.statements().size();
  }
}
