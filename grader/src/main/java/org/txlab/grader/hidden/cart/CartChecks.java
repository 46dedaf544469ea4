package org.txlab.grader.hidden.cart;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.txlab.cart.Line;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.suite.Feedback;
import org.txlab.placeorder.Order;

/** Assertions the hidden cart tests share. */
final class CartChecks {
  private CartChecks() {}

  static void expectUnchanged(ShopSnapshot before, ShopSnapshot after, String when) {
    String changes = before.changesTo(after);
    if (!changes.isEmpty()) {
      fail(Feedback.get("state.changed", when, changes));
    }
  }

  /**
   * What no interleaving of carts may break: every unit of every product in stock or ordered
   * exactly once, each cart all or nothing and matching its call's outcome, a loser rejected
   * cleanly.
   *
   * @param after the database once all ended
   * @param initial each product's stock before
   * @param when the interleaving, for messages
   * @param calls the student's calls
   * @param carts each call's cart
   * @param users each call's user
   */
  static void expectIsolated(
      ShopSnapshot after,
      Map<Long, Long> initial,
      String when,
      List<Call> calls,
      List<List<Line>> carts,
      List<Long> users) {
    for (Map.Entry<Long, Long> p : initial.entrySet()) {
      List<Order> orders = after.ordersOf(p.getKey());
      long ordered = orders.stream().mapToLong(Order::quantity).sum();
      long stock = after.stock(p.getKey());
      if (stock < 0 || stock + ordered != p.getValue()) {
        fail(
            Feedback.get(
                "cart.units",
                when,
                p.getKey(),
                p.getValue(),
                stock,
                ordered,
                ShopSnapshot.describe(orders)));
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      long user = users.get(i);
      long rows = after.orders().stream().filter(o -> o.userId() == user).count();
      if (rows != 0 && rows != carts.get(i).size()) {
        fail(
            Feedback.get(
                "cart.partial",
                when,
                call.label(),
                rows,
                carts.get(i).size(),
                ShopSnapshot.describe(after.orders())));
      }
      if (call.returned() && rows == 0) {
        fail(
            Feedback.get(
                "cart.lost",
                when,
                call.label(),
                call.outcome(),
                ShopSnapshot.describe(after.orders())));
      }
      if (!call.returned() && rows != 0) {
        fail(
            Feedback.get(
                "cart.ghost",
                when,
                call.label(),
                call.outcome(),
                ShopSnapshot.describe(after.orders())));
      }
      if (!call.returned() && !call.cleanRejection()) {
        fail(Feedback.get("cart.rawError", when, call.label(), call.result().error().describe()));
      }
    }
  }
}
