package org.txlab.grader.hidden.outbox;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Hygiene;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** Hygiene: nothing left behind. These calls are not cleaned up after, on purpose. */
@Order(5)
@ExtendWith(SuiteExtension.class)
class HygieneChecks {
  private static final Plan LEFT_AS_IS = Plan.NORMAL.withoutCleanup();

  @Test
  @DisplayName("every connection is closed, after an order, a rejection, a run and a refused run")
  @Graded(category = "hygiene", points = 1, hint = "outbox.hint.hygiene")
  void closesItsConnections(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      Call placed = Outbox.place(w, 1, 1, 1, LEFT_AS_IS);
      // Something to count: an order placed (the functional tests say more if not).
      placed.expectOrder();
      Call rejected = Outbox.place(w, 1, 2, 99, LEFT_AS_IS);
      Outbox.relay(w, relay, "relay", 200, "ACK");
      Call run = Outbox.run(w, "relay", LEFT_AS_IS);
      Call another = Outbox.place(w, 1, 1, 1, LEFT_AS_IS);
      Outbox.relay(w, relay, "refused", 200, "REFUSE");
      Call refused = Outbox.run(w, "refused", LEFT_AS_IS);
      Hygiene.expectConnectionsClosed(w, placed, rejected, run, another, refused);
    }
  }

  @Test
  @DisplayName("no transaction is left open after a rejection, a failed statement or a run")
  @Graded(category = "hygiene", points = 1, hint = "outbox.hint.hygiene")
  void leavesNoTransactionOpen(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    AtomicityChecks.Clean clean = AtomicityChecks.Clean.run(suite, "to fail one of its statements");
    try (ShopWorld w = ShopWorld.open(suite)) {
      Hygiene.expectUnlocked(w, Outbox.place(w, 1, 2, 99, LEFT_AS_IS));
      Hygiene.expectUnlocked(w, Outbox.place(w, 1, 1, 1, LEFT_AS_IS));
      Outbox.relay(w, relay, "relay", 200, "ACK", "REFUSE");
      Outbox.place(w, 1, 1, 1, LEFT_AS_IS);
      w.closeLeaked();
      Hygiene.expectUnlocked(w, Outbox.run(w, "relay", LEFT_AS_IS));
    }
    var ks = Statements.faultable(clean.call().statements());
    if (!ks.isEmpty()) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        Hygiene.expectUnlocked(
            w, Outbox.place(w, 5, 1, 2, LEFT_AS_IS.failing(ks.get(ks.size() - 1))));
      }
    }
  }

  @Test
  @DisplayName("the next call works after a failed statement, placeOrder's and runOnce's")
  @Graded(category = "hygiene", points = 1, hint = "outbox.hint.hygiene")
  void nextCallWorksAfterAFailure(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    AtomicityChecks.Clean clean = AtomicityChecks.Clean.run(suite, "to fail one of its statements");
    var ks = Statements.faultable(clean.call().statements());
    try (ShopWorld w = ShopWorld.open(suite)) {
      if (!ks.isEmpty()) {
        Outbox.place(w, 5, 1, 2, LEFT_AS_IS.failing(ks.get(ks.size() / 2)));
      }
      Call next = Outbox.place(w, 6, 1, 1, LEFT_AS_IS);
      if (!next.returned()) {
        fail(Feedback.get("hygiene.nextCall", next.label(), next.outcome()));
      }
      Outbox.relay(w, relay, "relay", 200);
      Outbox.run(w, "relay", LEFT_AS_IS.failing(1));
      Call run = Outbox.run(w, "relay", LEFT_AS_IS);
      if (!run.returned()) {
        fail(Feedback.get("hygiene.nextCall", run.label(), run.outcome()));
      }
    }
  }
}
