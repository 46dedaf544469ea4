package org.txlab.grader.hidden.idempotency;

import static org.junit.jupiter.api.Assertions.fail;

import org.txlab.grader.hidden.Bypass;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.placeorder.Order;

/** Calls of the student's keyed {@code placeOrder}, and the checks the tests share. */
final class Keyed {
  static final String METHOD = "org.txlab.idempotency.IdempotentOrderService#placeOrder";
  static final String SIGNATURE = "[\"String\",\"long\",\"long\",\"int\"]";

  private Keyed() {}

  /** Starts a call. */
  static RemoteCall start(
      ShopWorld w, String key, long userId, long productId, int quantity, Plan plan) {
    return w.start(
        "placeOrder(\"" + key + "\", " + userId + ", " + productId + ", " + quantity + ")",
        METHOD,
        SIGNATURE,
        "[\"" + key + "\"," + userId + "," + productId + "," + quantity + "]",
        plan);
  }

  /** Calls and waits. */
  static Call call(ShopWorld w, String key, long userId, long productId, int quantity, Plan plan) {
    return Call.of(start(w, key, userId, productId, quantity, plan), w);
  }

  /**
   * Fails the test unless the database holds exactly one order, the one expected, with the stock
   * decremented once.
   *
   * @param after the database
   * @param clean the database after one clean call
   * @param when what happened, for the message
   */
  static void expectExactlyTheCleanOrder(ShopSnapshot after, Clean clean, String when) {
    if (!after.sameContentInAnyOrder(clean.after())) {
      fail(Feedback.get("keyed.notOnce", when, clean.before().changesTo(after)));
    }
  }

  /**
   * The clean run a test starts from: one call with a fresh key in a world of its own.
   *
   * @param call the call
   * @param order what it returned
   * @param before the database before it
   * @param after the database after it
   */
  record Clean(Call call, Order order, ShopSnapshot before, ShopSnapshot after) {

    /** Runs {@code placeOrder(key, userId, productId, quantity)} once in a fresh world. */
    static Clean run(
        SuiteContext suite, String key, long userId, long productId, int quantity, String needed) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        ShopSnapshot before = w.snapshot();
        Call call = Keyed.call(w, key, userId, productId, quantity, Plan.NORMAL);
        ShopSnapshot after = w.snapshot();
        Order o = call.returned() ? Call.order(call.result().value()) : null;
        if (o == null || before.sameContent(after)) {
          fail(
              Feedback.get(
                  "clean.notPlaced",
                  call.label(),
                  needed,
                  call.returned() ? "returned but the database was unchanged" : call.outcome()));
        }
        Bypass.expectNone(suite, call, before, after);
        return new Clean(call, o, before, after);
      }
    }
  }
}
