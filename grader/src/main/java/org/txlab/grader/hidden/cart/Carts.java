package org.txlab.grader.hidden.cart;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.txlab.cart.Line;
import org.txlab.grader.hidden.Bypass;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.HintedFailure;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.placeorder.Order;

/** Calls of the student's {@code checkout}, and the clean run tests start from. */
final class Carts {
  static final String METHOD = "org.txlab.cart.CheckoutService#checkout";
  static final String SIGNATURE = "[\"long\",\"list:org.txlab.cart.Line\"]";

  private Carts() {}

  /** Describes a cart, e.g. {@code [2 of product 1, 1 of product 2]}. */
  static String describe(List<Line> lines) {
    List<String> parts = new ArrayList<>();
    for (Line l : lines) {
      parts.add(l.quantity() + " of product " + l.productId());
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /** Starts a call. */
  static RemoteCall start(ShopWorld w, long userId, List<Line> lines, Plan plan) {
    StringBuilder json = new StringBuilder("[" + userId + ",[");
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      json.append(i > 0 ? "," : "")
          .append("{\"productId\":")
          .append(l.productId())
          .append(",\"quantity\":")
          .append(l.quantity())
          .append('}');
    }
    json.append("]]");
    return w.start(
        "checkout(" + userId + ", " + describe(lines) + ")",
        METHOD,
        SIGNATURE,
        json.toString(),
        plan);
  }

  /** Calls and waits. */
  static Call call(ShopWorld w, long userId, List<Line> lines, Plan plan) {
    return Call.of(start(w, userId, lines, plan), w);
  }

  /** Fails the test unless the call returned one order per line. */
  static List<Order> expectOrders(Call call, int lines) {
    call.expectReturned();
    List<Order> orders = Call.orders(call.result().value());
    if (orders == null || orders.size() != lines) {
      fail(Feedback.get("cart.notOrders", call.label(), lines, call.outcome()));
    }
    return orders;
  }

  /** Fails the test unless the call threw {@code type} naming line {@code line}. */
  static void expectRejected(Call call, Class<? extends Throwable> type, int line) {
    call.expectThrown(type);
    var fields = call.result().error().fields();
    int named = fields.has("line") ? fields.get("line").getAsInt() : -1;
    if (named != line) {
      HintedFailure.fail(
          "cart.hint.lineNumbers",
          "cart.wrongLine",
          call.label(),
          type.getSimpleName(),
          line,
          named);
    }
  }

  /** Fails the test unless the returned orders follow the cart, line by line. */
  static void expectInCartOrder(Call call, List<Order> orders, List<Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (orders.get(i).productId() != lines.get(i).productId()
          || orders.get(i).quantity() != lines.get(i).quantity()) {
        HintedFailure.fail("cart.hint.resultOrder", "cart.resultOrder", call.label(), orders);
      }
    }
  }

  /**
   * The clean run: one call with nothing else going on, in a world of its own.
   *
   * @param call the call
   * @param before the database before it
   * @param after the database after it
   */
  record Clean(Call call, ShopSnapshot before, ShopSnapshot after) {

    static Clean run(SuiteContext suite, long userId, List<Line> lines, String needed) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        ShopSnapshot before = w.snapshot();
        Call call = Carts.call(w, userId, lines, Plan.NORMAL);
        ShopSnapshot after = w.snapshot();
        if (!call.returned() || before.sameContent(after)) {
          fail(
              Feedback.get(
                  "cart.notCheckedOut",
                  call.label(),
                  needed,
                  call.returned() ? "returned but the database was unchanged" : call.outcome()));
        }
        Bypass.expectNone(suite, call, before, after);
        return new Clean(call, before, after);
      }
    }
  }
}
