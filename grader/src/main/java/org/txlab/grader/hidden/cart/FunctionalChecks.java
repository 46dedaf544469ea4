package org.txlab.grader.hidden.cart;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.cart.EmptyCartException;
import org.txlab.cart.InvalidLineException;
import org.txlab.cart.Line;
import org.txlab.cart.LineOutOfStockException;
import org.txlab.cart.UnknownLineProductException;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * What a cart does when nothing goes wrong, and how it rejects. Whether a rejected cart left
 * something behind is atomicity's to judge (see {@link AtomicityChecks}), not these tests'.
 */
@Order(1)
@ExtendWith(SuiteExtension.class)
class FunctionalChecks {
  /** Two lines, not in product order: the result must follow the cart, not the ids. */
  static final List<Line> TWO_LINES = List.of(new Line(2, 1), new Line(1, 2));

  @Test
  @DisplayName("every line becomes an order, in the cart's order, and its stock goes down")
  @Graded(category = "functional", points = 2, hint = "cart.hint.happyPath")
  void checksOutEveryLine(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call call = Carts.call(w, 42, TWO_LINES, Plan.NORMAL);
      List<org.txlab.placeorder.Order> orders = Carts.expectOrders(call, 2);
      Carts.expectInCartOrder(call, orders, TWO_LINES);
      ShopSnapshot after = w.snapshot();
      List<org.txlab.placeorder.Order> expected =
          List.of(
              new org.txlab.placeorder.Order(orders.get(0).id(), 42, 2, 1),
              new org.txlab.placeorder.Order(orders.get(1).id(), 42, 1, 2));
      if (!orders.equals(expected)
          || after.orderCount() != 2
          || !new HashSet<>(after.orders()).equals(new HashSet<>(expected))) {
        fail(Feedback.get("cart.fields", orders, ShopSnapshot.describe(after.orders())));
      }
      if (after.stock(1) != 8 || after.stock(2) != 2) {
        fail(Feedback.get("cart.stock", after.stock(1), after.stock(2)));
      }
    }
  }

  @Test
  @DisplayName("a line the stock cannot cover rejects the cart, naming the line")
  @Graded(category = "functional", points = 1, hint = "cart.hint.rejections")
  void rejectsALineOutOfStock(SuiteContext suite) {
    rejected(suite, List.of(new Line(1, 1), new Line(2, 4)), LineOutOfStockException.class, 2);
  }

  @Test
  @DisplayName("an unknown product on any line rejects the cart, naming the line")
  @Graded(category = "functional", points = 1, hint = "cart.hint.rejections")
  void rejectsAnUnknownProduct(SuiteContext suite) {
    rejected(
        suite, List.of(new Line(1, 1), new Line(999, 1)), UnknownLineProductException.class, 2);
  }

  @Test
  @DisplayName("an empty cart and a quantity below 1 are rejected")
  @Graded(category = "functional", points = 1, hint = "cart.hint.rejections")
  void rejectsAnEmptyCartAndBadQuantities(SuiteContext suite) {
    rejected(suite, List.of(), EmptyCartException.class, 0);
    rejected(suite, List.of(new Line(1, 1), new Line(2, 0)), InvalidLineException.class, 2);
  }

  @Test
  @DisplayName("lines for the same product add up")
  @Graded(category = "functional", points = 1, hint = "cart.hint.duplicates")
  void addsUpLinesForTheSameProduct(SuiteContext suite) {
    rejected(suite, List.of(new Line(2, 2), new Line(2, 2)), LineOutOfStockException.class, 2);
    try (ShopWorld w = ShopWorld.open(suite)) {
      Carts.expectOrders(Carts.call(w, 5, List.of(new Line(2, 1), new Line(2, 2)), Plan.NORMAL), 2);
      if (w.snapshot().stock(2) != 0) {
        fail(Feedback.get("cart.duplicateStock", w.snapshot().stock(2)));
      }
    }
  }

  @Test
  @DisplayName("the order of the lines changes nothing but the order of the result")
  @Graded(category = "functional", points = 1, hint = "cart.hint.order")
  void theOrderOfTheLinesChangesNothing(SuiteContext suite) {
    List<Line> forward = List.of(new Line(3, 1), new Line(1, 2));
    List<Line> backward = List.of(forward.get(1), forward.get(0));
    ShopSnapshot a;
    ShopSnapshot b;
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call call = Carts.call(w, 6, forward, Plan.NORMAL);
      Carts.expectInCartOrder(call, Carts.expectOrders(call, 2), forward);
      a = w.snapshot();
    }
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call call = Carts.call(w, 6, backward, Plan.NORMAL);
      Carts.expectInCartOrder(call, Carts.expectOrders(call, 2), backward);
      b = w.snapshot();
    }
    if (!a.sameContentInAnyOrder(b)) {
      fail(Feedback.get("cart.orderMatters", Carts.describe(forward), a.changesTo(b)));
    }
    rejected(suite, List.of(new Line(2, 4), new Line(1, 1)), LineOutOfStockException.class, 1);
  }

  private static void rejected(
      SuiteContext suite, List<Line> cart, Class<? extends Throwable> type, int line) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      Carts.expectRejected(Carts.call(w, 1, cart, Plan.NORMAL), type, line);
    }
  }
}
