package org.txlab.grader.hidden.outbox;

import static org.junit.jupiter.api.Assertions.fail;

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
import org.txlab.outbox.Message;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.UnknownProductException;

/** What an order and its relay do when nothing goes wrong; runOnce's count is judged here only. */
@Order(1)
@ExtendWith(SuiteExtension.class)
class FunctionalChecks {

  @Test
  @Order(1)
  @DisplayName("an order is placed, one run sends its message with its details, and marks it")
  @Graded(category = "functional", points = 2, hint = "outbox.hint.happyPath")
  void anOrderIsPlacedAndAnnouncedOnce(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call call = Outbox.place(w, 7, 1, 2, Plan.NORMAL);
      org.txlab.placeorder.Order o = call.expectOrder();
      ShopSnapshot after = w.snapshot();
      if (after.stock(1) != 8
          || after.orders().size() != 1
          || !after.orders().get(0).equals(o)
          || o.userId() != 7
          || o.productId() != 1
          || o.quantity() != 2) {
        fail(Feedback.get("outbox.placed", call.label(), o, after.describeContent()));
      }
      Outbox.relay(w, relay, "relay", 200);
      Call run = Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after one order");
      List<Outbox.Sent> sends = Outbox.sends(w);
      if (sends.size() != 1) {
        fail(Feedback.get("outbox.oneSend", o, Outbox.describe(sends)));
      }
      Message m = sends.get(0).message();
      if (m.orderId() != o.id()
          || m.userId() != o.userId()
          || m.productId() != o.productId()
          || m.quantity() != o.quantity()) {
        fail(Feedback.get("outbox.wrongMessage", o, m.toString()));
      }
      expectMarked(run, 1, "after one order whose message the broker acknowledged");
      Call again = Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "a second time");
      List<Outbox.Sent> later = Outbox.sends(w);
      if (later.size() != 1) {
        fail(Feedback.get("outbox.sentAgain", Outbox.describe(later)));
      }
      expectMarked(again, 0, "a second time, with nothing pending");
      // A relay started afresh (after a restart, say) finds the mark in the database.
      Outbox.relay(w, relay, "restarted", 200);
      Outbox.expectRan(Outbox.run(w, "restarted", Plan.NORMAL), "in a new relay object");
      List<Outbox.Sent> restarted = Outbox.sends(w);
      if (!restarted.isEmpty()) {
        fail(Feedback.get("outbox.markInMemory", Outbox.describe(restarted)));
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("three orders: one run sends three messages, in order, with three ids")
  @Graded(category = "functional", points = 1, hint = "outbox.hint.order")
  void threeOrdersAreSentInOrder(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      List<org.txlab.placeorder.Order> orders =
          Outbox.placeAll(w, new long[][] {{1, 1, 1}, {2, 2, 2}, {3, 1, 1}});
      Outbox.relay(w, relay, "relay", 200);
      Call run = Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after three orders");
      List<Outbox.Sent> sends = Outbox.sends(w);
      Outbox.expectDelivered(sends, orders, "after three orders and one run");
      if (sends.size() != 3) {
        fail(Feedback.get("outbox.threeSends", Outbox.describe(sends)));
      }
      expectMarked(run, 3, "after three orders whose messages the broker acknowledged");
    }
  }

  @Test
  @Order(3)
  @DisplayName("a rejected order writes nothing in any table, and no message is sent for it")
  @Graded(category = "functional", points = 1, hint = "outbox.hint.rejected")
  void aRejectedOrderHasNoMessage(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      Outbox.Tables before = Outbox.Tables.read(w);
      Call zero = Outbox.place(w, 1, 1, 0, Plan.NORMAL);
      zero.expectThrown(InvalidQuantityException.class);
      Call unknown = Outbox.place(w, 1, 404, 1, Plan.NORMAL);
      unknown.expectThrown(UnknownProductException.class);
      Call tooMany = Outbox.place(w, 1, 2, 99, Plan.NORMAL);
      tooMany.expectThrown(InsufficientStockException.class);
      Outbox.Tables after = Outbox.Tables.read(w);
      if (!after.equals(before)) {
        fail(Feedback.get("outbox.rejectionWrote", before.changesTo(after)));
      }
      Outbox.relay(w, relay, "relay", 200);
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after three rejected orders");
      List<Outbox.Sent> sends = Outbox.sends(w);
      if (!sends.isEmpty()) {
        fail(Feedback.get("outbox.rejectionSent", Outbox.describe(sends)));
      }
    }
  }

  @Test
  @Order(4)
  @DisplayName("orders placed after a run are sent by the next run, and only they")
  @Graded(category = "functional", points = 1, hint = "outbox.hint.nextRun")
  void laterOrdersGoWithTheNextRun(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      Outbox.relay(w, relay, "relay", 200);
      Call empty = Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "with no order yet");
      expectMarked(empty, 0, "with no order yet");
      List<org.txlab.placeorder.Order> orders =
          new java.util.ArrayList<>(Outbox.placeAll(w, new long[][] {{4, 1, 1}}));
      Call first = Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after one order");
      expectMarked(first, 1, "after one order");
      orders.addAll(Outbox.placeAll(w, new long[][] {{5, 1, 2}, {6, 3, 1}}));
      Call second = Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after two more");
      List<Outbox.Sent> sends = Outbox.sends(w);
      Outbox.expectDelivered(sends, orders, "after one order, a run, two orders and a run");
      if (sends.size() != 3) {
        fail(Feedback.get("outbox.threeSends", Outbox.describe(sends)));
      }
      expectMarked(second, 2, "after two more orders");
    }
  }

  private static void expectMarked(Call run, long expected, String when) {
    long marked = Outbox.marked(run);
    if (marked != expected) {
      fail(Feedback.get("outbox.count", when, Long.toString(expected), run.label(), run.outcome()));
    }
  }
}
