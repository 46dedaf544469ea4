package org.txlab.grader.hidden.placeorder;

import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.judge.RemoteCall;

/** Calls of the student's {@code placeOrder}. */
final class Placed {
  static final String METHOD = "org.txlab.placeorder.OrderService#placeOrder";
  static final String SIGNATURE = "[\"long\",\"long\",\"int\"]";

  private Placed() {}

  /** Starts a call. */
  static RemoteCall start(ShopWorld w, long userId, long productId, int quantity, Plan plan) {
    return w.start(
        "placeOrder(" + userId + ", " + productId + ", " + quantity + ")",
        METHOD,
        SIGNATURE,
        "[" + userId + "," + productId + "," + quantity + "]",
        plan);
  }

  /** Calls and waits. */
  static Call call(ShopWorld w, long userId, long productId, int quantity, Plan plan) {
    return Call.of(start(w, userId, productId, quantity, plan), w);
  }
}
