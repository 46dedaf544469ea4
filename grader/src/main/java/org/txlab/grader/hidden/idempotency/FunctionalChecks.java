package org.txlab.grader.hidden.idempotency;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.idempotency.KeyReusedException;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;

/** What a keyed order does when nothing goes wrong: placed once, replayed, refused when reused. */
@Order(1)
@ExtendWith(SuiteExtension.class)
class FunctionalChecks {

  @Test
  @Order(1)
  @DisplayName("a new key places the order: the stock goes down, one order is stored and returned")
  @Graded(category = "functional", points = 2, hint = "keyed.hint.happyPath")
  void aNewKeyPlacesTheOrder(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call call = Keyed.call(w, "order-7-a", 7, 1, 2, Plan.NORMAL);
      org.txlab.placeorder.Order o = call.expectOrder();
      ShopSnapshot after = w.snapshot();
      if (after.stock(1) != 8
          || after.orders().size() != 1
          || !after.orders().get(0).equals(o)
          || o.userId() != 7
          || o.productId() != 1
          || o.quantity() != 2) {
        fail(Feedback.get("keyed.placed", call.label(), o, after.describeContent()));
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("the same key and request again returns the same order and writes nothing")
  @Graded(category = "functional", points = 1, hint = "keyed.hint.replay")
  void theSameKeyAgainReturnsTheSameOrder(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      org.txlab.placeorder.Order first =
          Keyed.call(w, "order-7-b", 7, 1, 2, Plan.NORMAL).expectOrder();
      ShopSnapshot once = w.snapshot();
      Call again = Keyed.call(w, "order-7-b", 7, 1, 2, Plan.NORMAL);
      org.txlab.placeorder.Order second = again.expectOrder();
      ShopSnapshot after = w.snapshot();
      if (!second.equals(first)) {
        fail(Feedback.get("keyed.otherOrder", again.label(), first, second));
      }
      if (!after.sameContent(once)) {
        fail(Feedback.get("keyed.replayWrote", again.label(), once.changesTo(after)));
      }
    }
  }

  @Test
  @Order(3)
  @DisplayName("the same key with another request throws KeyReusedException and writes nothing")
  @Graded(category = "functional", points = 1, hint = "keyed.hint.reused")
  void aReusedKeyIsRefused(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      Keyed.call(w, "order-7-c", 7, 1, 2, Plan.NORMAL).expectOrder();
      ShopSnapshot once = w.snapshot();
      for (Call other :
          List.of(
              Keyed.call(w, "order-7-c", 7, 1, 3, Plan.NORMAL),
              Keyed.call(w, "order-7-c", 8, 1, 2, Plan.NORMAL),
              Keyed.call(w, "order-7-c", 7, 3, 1, Plan.NORMAL))) {
        other.expectThrown(KeyReusedException.class);
        ShopSnapshot after = w.snapshot();
        if (!after.sameContent(once)) {
          fail(Feedback.get("keyed.replayWrote", other.label(), once.changesTo(after)));
        }
      }
    }
  }

  @Test
  @Order(4)
  @DisplayName("a rejected request replayed gets the same rejection, even once the stock is back")
  @Graded(category = "functional", points = 1, hint = "keyed.hint.storedRejection")
  void aStoredRejectionIsReplayed(SuiteContext suite) throws SQLException {
    try (ShopWorld w = ShopWorld.open(suite)) {
      Keyed.call(w, "order-7-d", 7, 2, 5, Plan.NORMAL)
          .expectThrown(InsufficientStockException.class);
      try (Connection c = w.judge().open();
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE products SET stock = 10 WHERE id = 2");
      }
      ShopSnapshot restocked = w.snapshot();
      Call again = Keyed.call(w, "order-7-d", 7, 2, 5, Plan.NORMAL);
      if (again.returned()) {
        fail(Feedback.get("keyed.rejectionForgotten", again.label(), again.outcome()));
      }
      again.expectThrown(InsufficientStockException.class);
      ShopSnapshot after = w.snapshot();
      if (!after.sameContent(restocked)) {
        fail(Feedback.get("keyed.replayWrote", again.label(), restocked.changesTo(after)));
      }
    }
  }

  @Test
  @Order(5)
  @DisplayName("different keys place different orders; a quantity below 1 stores no key")
  @Graded(category = "functional", points = 1, hint = "keyed.hint.keys")
  void differentKeysPlaceDifferentOrders(SuiteContext suite) {
    try (ShopWorld w = ShopWorld.open(suite)) {
      org.txlab.placeorder.Order a = Keyed.call(w, "k-a", 1, 1, 1, Plan.NORMAL).expectOrder();
      org.txlab.placeorder.Order b = Keyed.call(w, "k-b", 1, 1, 1, Plan.NORMAL).expectOrder();
      if (a.id() == b.id()) {
        fail(Feedback.get("keyed.sameOrderForTwoKeys", a));
      }
      Keyed.call(w, "k-c", 1, 1, 0, Plan.NORMAL).expectThrown(InvalidQuantityException.class);
      Call c = Keyed.call(w, "k-c", 1, 1, 1, Plan.NORMAL);
      if (!c.returned()) {
        fail(Feedback.get("keyed.invalidBurntKey", c.label(), c.outcome()));
      }
      ShopSnapshot after = w.snapshot();
      if (after.orders().size() != 3 || after.stock(1) != 7) {
        fail(Feedback.get("keyed.threeOrders", after.describeContent()));
      }
    }
  }
}
