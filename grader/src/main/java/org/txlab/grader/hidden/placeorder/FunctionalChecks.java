package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.UnknownProductException;

@Order(1)
@ExtendWith(SuiteExtension.class)
class FunctionalChecks {

  /** Two orders in a row: the second's id tells a made-up id (a row count, say) from a real one. */
  @Test
  @DisplayName("orders decrement the stock and are stored with their ids")
  @Graded(category = "functional", points = 2, hint = "hint.happyPath")
  void placesOrdersAndDecrementsStock(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      org.txlab.placeorder.Order first = Placed.call(w, 42, 1, 3, Plan.NORMAL).expectOrder();
      org.txlab.placeorder.Order second = Placed.call(w, 43, 2, 1, Plan.NORMAL).expectOrder();
      ShopSnapshot after = w.snapshot();
      List<org.txlab.placeorder.Order> expected =
          List.of(
              new org.txlab.placeorder.Order(first.id(), 42, 1, 3),
              new org.txlab.placeorder.Order(second.id(), 43, 2, 1));
      if (!List.of(first, second).equals(expected) || !after.orders().equals(expected)) {
        fail(
            Feedback.get(
                "order.fields",
                List.of(first, second),
                ShopSnapshot.describe(after.orders()),
                after.orders()));
      }
      Checks.expectStock(after, 1, 7, "after ordering 3 of 10");
      Checks.expectStock(after, 2, 2, "after ordering 1 of 3");
    }
  }

  @Test
  @DisplayName("ordering exactly the remaining stock works and leaves 0")
  @Graded(category = "functional", points = 1, hint = "hint.boundary")
  void sellsExactlyTheRemainingStock(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      Placed.call(w, 7, 2, 3, Plan.NORMAL).expectOrder();
      Checks.expectStock(w.snapshot(), 2, 0, "after ordering all 3 units");
    }
  }

  @Test
  @DisplayName("an unknown product is rejected and nothing is written")
  @Graded(category = "functional", points = 1, hint = "hint.rejections")
  void rejectsUnknownProduct(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      ShopSnapshot before = w.snapshot();
      Placed.call(w, 1, 999, 1, Plan.NORMAL).expectThrown(UnknownProductException.class);
      Checks.expectUnchanged(before, w.snapshot(), "after ordering the unknown product 999");
    }
  }

  @Test
  @DisplayName("asking for more than the stock is rejected and nothing is written")
  @Graded(category = "functional", points = 1, hint = "hint.rejections")
  void rejectsInsufficientStock(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      ShopSnapshot before = w.snapshot();
      Placed.call(w, 1, 2, 4, Plan.NORMAL).expectThrown(InsufficientStockException.class);
      Checks.expectUnchanged(before, w.snapshot(), "after ordering 4 of product 2 (stock 3)");
    }
  }

  @Test
  @DisplayName("a quantity of 0 or less is rejected and nothing is written")
  @Graded(category = "functional", points = 1, hint = "hint.rejections")
  void rejectsNonPositiveQuantity(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      ShopSnapshot before = w.snapshot();
      Placed.call(w, 1, 1, 0, Plan.NORMAL).expectThrown(InvalidQuantityException.class);
      Placed.call(w, 1, 1, -2, Plan.NORMAL).expectThrown(InvalidQuantityException.class);
      Checks.expectUnchanged(before, w.snapshot(), "after ordering quantities 0 and -2");
    }
  }
}
