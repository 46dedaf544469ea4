package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Feedback;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.Graded;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.UnknownProductException;

@ExtendWith(HarnessExtension.class)
class FunctionalChecks {

  @Test
  @DisplayName("an order decrements the stock and is stored with its id")
  @Graded(category = Category.FUNCTIONAL, points = 2, hint = "hint.happyPath")
  void placesOrderAndDecrementsStock(Harness h) {
    Order order = h.call(h.instrumented(), 42, 1, 3).expectOrder();

    Harness.Snapshot after = h.snapshot();
    Order expected = new Order(order.id(), 42, 1, 3);
    if (!order.equals(expected) || !after.orders().equals(List.of(expected))) {
      fail(Feedback.get("order.fields", 42, 1, 3, order, after.orders()));
    }
    Checks.expectStock(after, 1, 7, "after ordering 3 of 10");
  }

  @Test
  @DisplayName("ordering exactly the remaining stock works and leaves 0")
  @Graded(category = Category.FUNCTIONAL, points = 1, hint = "hint.rejections")
  void sellsExactlyTheRemainingStock(Harness h) {
    h.call(h.instrumented(), 7, 2, 3).expectOrder();

    Checks.expectStock(h.snapshot(), 2, 0, "after ordering all 3 units");
  }

  @Test
  @DisplayName("an unknown product is rejected and nothing is written")
  @Graded(category = Category.FUNCTIONAL, points = 1, hint = "hint.rejections")
  void rejectsUnknownProduct(Harness h) {
    Harness.Snapshot before = h.snapshot();

    h.call(h.instrumented(), 1, 999, 1).expectThrown(UnknownProductException.class);

    before.expectUnchanged(h.snapshot(), "after ordering the unknown product 999");
  }

  @Test
  @DisplayName("asking for more than the stock is rejected and nothing is written")
  @Graded(category = Category.FUNCTIONAL, points = 1, hint = "hint.rejections")
  void rejectsInsufficientStock(Harness h) {
    Harness.Snapshot before = h.snapshot();

    h.call(h.instrumented(), 1, 2, 4).expectThrown(InsufficientStockException.class);

    before.expectUnchanged(h.snapshot(), "after ordering 4 of product 2 (stock 3)");
  }

  @Test
  @DisplayName("a quantity of 0 or less is rejected and nothing is written")
  @Graded(category = Category.FUNCTIONAL, points = 1, hint = "hint.rejections")
  void rejectsNonPositiveQuantity(Harness h) {
    Harness.Snapshot before = h.snapshot();

    h.call(h.instrumented(), 1, 1, 0).expectThrown(InvalidQuantityException.class);
    h.call(h.instrumented(), 1, 1, -2).expectThrown(InvalidQuantityException.class);

    before.expectUnchanged(h.snapshot(), "after ordering quantities 0 and -2");
  }
}
