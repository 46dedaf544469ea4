package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Rival;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.suite.Feedback;
import org.txlab.placeorder.Order;

/** Assertions the hidden place-order tests share, with student-facing messages. */
final class Checks {
  private Checks() {}

  static void expectStock(ShopSnapshot s, long productId, long expected, String when) {
    long stock = s.stock(productId);
    if (stock != expected) {
      fail(Feedback.get("state.stock", productId, expected, when, stock));
    }
  }

  static void expectUnchanged(ShopSnapshot before, ShopSnapshot after, String when) {
    String changes = before.changesTo(after);
    if (!changes.isEmpty()) {
      fail(Feedback.get("state.changed", when, changes));
    }
  }

  /**
   * Checks what no interleaving of two orders for one product may break: stock never below 0, every
   * unit either in stock or ordered, each call's outcome matching the database, and a loser that
   * was rejected cleanly.
   *
   * @param after the database once both ended
   * @param productId the product both ordered
   * @param initial its stock before
   * @param when the interleaving, for messages
   * @param calls the student's calls, each with the user it ordered for
   * @param rivalPlaced whether the judge's rival placed its order (null if there was none)
   */
  static void expectIsolated(
      ShopSnapshot after,
      long productId,
      long initial,
      String when,
      List<Call> calls,
      List<Long> users,
      Boolean rivalPlaced) {
    List<Order> orders = after.ordersOf(productId);
    long ordered = orders.stream().mapToLong(Order::quantity).sum();
    long stock = after.stock(productId);
    if (stock < 0 || stock + ordered != initial) {
      fail(
          Feedback.get(
              "isolation.units", when, initial, stock, ordered, ShopSnapshot.describe(orders)));
    }
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      long user = users.get(i);
      boolean stored = orders.stream().anyMatch(o -> o.userId() == user);
      if (call.returned() && !stored) {
        fail(
            Feedback.get(
                "isolation.lostOrder",
                when,
                call.label(),
                call.outcome(),
                ShopSnapshot.describe(orders)));
      }
      if (!call.returned() && stored) {
        fail(
            Feedback.get(
                "isolation.ghostOrder",
                when,
                call.label(),
                call.outcome(),
                ShopSnapshot.describe(orders)));
      }
      if (!call.returned() && !call.cleanRejection()) {
        fail(
            Feedback.get(
                "isolation.rawError", when, call.label(), call.result().error().describe()));
      }
    }
    if (rivalPlaced != null
        && rivalPlaced != orders.stream().anyMatch(o -> o.userId() == Rival.USER)) {
      fail(Feedback.get("isolation.rivalLost", when, ShopSnapshot.describe(orders)));
    }
  }
}
