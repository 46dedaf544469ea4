package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.txlab.course.jdbc.StatementRecord;
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
      List<Placed> calls,
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
      Placed call = calls.get(i);
      long user = users.get(i);
      boolean stored = orders.stream().anyMatch(o -> o.userId() == user);
      if (call.returned() && !stored) {
        fail(
            Feedback.get(
                "isolation.lostOrder",
                when,
                call.args(),
                call.outcome(),
                ShopSnapshot.describe(orders)));
      }
      if (!call.returned() && stored) {
        fail(
            Feedback.get(
                "isolation.ghostOrder",
                when,
                call.args(),
                call.outcome(),
                ShopSnapshot.describe(orders)));
      }
      if (!call.returned() && !call.cleanRejection()) {
        fail(
            Feedback.get(
                "isolation.rawError", when, call.args(), call.result().error().describe()));
      }
    }
    if (rivalPlaced != null
        && rivalPlaced != orders.stream().anyMatch(o -> o.userId() == Rival.USER)) {
      fail(Feedback.get("isolation.rivalLost", when, ShopSnapshot.describe(orders)));
    }
  }

  /**
   * The statements a fault may target: from the first to the last commit, without clean-up steps.
   */
  static List<Integer> faultable(List<StatementRecord> statements, int lastCommit) {
    List<Integer> ks = new ArrayList<>();
    for (StatementRecord s : statements) {
      if (s.number() <= lastCommit && isFailable(s)) {
        ks.add(s.number());
      }
    }
    return ks;
  }

  /** Statement boundaries a pause may target: before each operation the proxy ran. */
  static List<Integer> boundaries(List<StatementRecord> statements) {
    List<Integer> ks = new ArrayList<>();
    for (StatementRecord s : statements) {
      if (!s.operation().equals("(unseen)")) {
        ks.add(s.number());
      }
    }
    return ks;
  }

  private static boolean isFailable(StatementRecord s) {
    return switch (s.operation()) {
      case "close", "rollback", "releaseSavepoint", "(unseen)" -> false;
      default -> true;
    };
  }
}
