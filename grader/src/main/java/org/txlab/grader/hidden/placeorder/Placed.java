package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.judge.CallResult;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.placeorder.Order;

/**
 * One call of the student's {@code placeOrder}, as the judge sees it: the arguments, and what the
 * submission JVM reported.
 *
 * @param args the arguments, e.g. {@code 1, 3, 1}
 * @param result what it reported
 */
record Placed(String args, CallResult result) {
  static final String METHOD = "org.txlab.placeorder.OrderService#placeOrder";
  static final String SIGNATURE = "[\"long\",\"long\",\"int\"]";

  /** Starts a call. */
  static RemoteCall start(ShopWorld w, long userId, long productId, int quantity, Plan plan) {
    String args = userId + ", " + productId + ", " + quantity;
    return w.start(
        "placeOrder(" + args + ")",
        METHOD,
        SIGNATURE,
        "[" + userId + "," + productId + "," + quantity + "]",
        plan);
  }

  /** Calls and waits. */
  static Placed call(ShopWorld w, long userId, long productId, int quantity, Plan plan) {
    RemoteCall c = start(w, userId, productId, quantity, plan);
    return of(c, w);
  }

  /** Wraps a started call's result. */
  static Placed of(RemoteCall c, ShopWorld w) {
    String label = c.label();
    return new Placed(
        label.substring("placeOrder(".length(), label.length() - 1),
        c.result(w.session().callDeadline()));
  }

  boolean returned() {
    return result.returned();
  }

  /** The returned order, or {@code null} if it returned something that is not an order. */
  Order order() {
    JsonElement v = result.value();
    try {
      JsonObject o = v.getAsJsonObject();
      if (!o.get("record").getAsString().equals(Order.class.getName())) {
        return null;
      }
      JsonObject f = o.getAsJsonObject("fields");
      return new Order(
          f.get("id").getAsLong(),
          f.get("userId").getAsLong(),
          f.get("productId").getAsLong(),
          f.get("quantity").getAsInt());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Tells whether it threw an exception with no database error anywhere in its chain. */
  boolean cleanRejection() {
    return !result.returned() && !result.error().rawDatabaseError();
  }

  /** Describes the outcome: {@code returned …} or {@code threw X: message}. */
  String outcome() {
    if (result.returned()) {
      Order o = order();
      return "returned " + (o != null ? o : result.value());
    }
    return "threw " + result.error().describe();
  }

  /** Fails the test unless the call returned an order. */
  Order expectOrder() {
    if (!result.returned()) {
      fail(Feedback.get("call.failed", args, result.error().describe()));
    }
    Order o = order();
    if (o == null) {
      fail(Feedback.get("call.notAnOrder", args, result.value()));
    }
    return o;
  }

  /** Fails the test unless the call threw exactly {@code type}. */
  void expectThrown(Class<? extends Throwable> type) {
    if (result.returned()) {
      fail(Feedback.get("call.returned", args, type.getSimpleName(), outcome().substring(9)));
    }
    if (!result.error().type().equals(type.getName())) {
      fail(Feedback.get("call.threwOther", args, type.getSimpleName(), result.error().describe()));
    }
  }

  List<StatementRecord> statements() {
    return result.statements();
  }

  /** Describes statement {@code k} of this call, e.g. {@code #4 UPDATE products SET …}. */
  String statement(int k) {
    return result.statements().stream()
        .filter(s -> s.number() == k)
        .map(StatementRecord::describe)
        .findFirst()
        .orElse("#" + k);
  }
}
