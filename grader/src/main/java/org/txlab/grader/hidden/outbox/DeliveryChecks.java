package org.txlab.grader.hidden.outbox;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * At least once, in order, with the same id: the broker refuses, times out, acknowledges late, and
 * the relay is killed for real before its mark. Judged as a consumer that drops duplicates by id
 * sees the messages; a message sent again is never a fault here.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class DeliveryChecks {
  private static final long[][] THREE = {{1, 1, 1}, {2, 1, 2}, {3, 2, 1}};

  @Test
  @Order(1)
  @DisplayName("a refused message stays pending, nothing overtakes it, and the next run sends it")
  @Graded(category = "delivery", points = 2, hint = "outbox.hint.refused")
  void aRefusedMessageIsNotOvertaken(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      List<org.txlab.placeorder.Order> orders = Outbox.placeAll(w, THREE);
      Outbox.relay(w, relay, "relay", 200, "ACK", "REFUSE");
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "when the broker refused a message");
      List<Outbox.Sent> first = Outbox.sends(w);
      expectStoppedAt(first, "REFUSE");
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after a refusal");
      List<Outbox.Sent> all = Outbox.sends(w);
      expectNextRunBeginsWith(first, all, "refused");
      Outbox.expectDelivered(
          all, orders, "after the broker refused the second message and the relay ran again");
    }
  }

  @Test
  @Order(2)
  @DisplayName("a message whose ack timed out is sent again, with the same id")
  @Graded(category = "delivery", points = 1, hint = "outbox.hint.timeout")
  void aTimedOutMessageIsSentAgainWithItsId(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      List<org.txlab.placeorder.Order> orders = Outbox.placeAll(w, THREE);
      Outbox.relay(w, relay, "relay", 200, "TIMEOUT");
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "when an ack timed out");
      List<Outbox.Sent> first = Outbox.sends(w);
      expectStoppedAt(first, "TIMEOUT");
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after a timeout");
      List<Outbox.Sent> all = Outbox.sends(w);
      expectNextRunBeginsWith(first, all, "did not acknowledge in time");
      Outbox.expectDelivered(
          all, orders, "after the first message's ack timed out and the relay ran again");
    }
  }

  @Test
  @Order(3)
  @DisplayName("a late ack is an ack: the message is not sent again")
  @Graded(category = "delivery", points = 1, hint = "outbox.hint.late")
  void aLateAckMarksTheMessage(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    try (ShopWorld w = ShopWorld.open(suite)) {
      List<org.txlab.placeorder.Order> orders = Outbox.placeAll(w, THREE);
      Outbox.relay(w, relay, "relay", 300, "ACK", "LATE_ACK");
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "when an ack came late");
      Outbox.expectRan(Outbox.run(w, "relay", Plan.NORMAL), "after a late ack");
      List<Outbox.Sent> all = Outbox.sends(w);
      Outbox.expectDelivered(all, orders, "after a late ack and a second run");
      if (all.size() != 3) {
        fail(Feedback.get("outbox.lateResent", Outbox.describe(all)));
      }
    }
  }

  @Test
  @Order(4)
  @DisplayName(
      "a relay killed after the broker got a message, before its mark: a new one resends it")
  @Graded(category = "delivery", points = 3, hint = "outbox.hint.killedAfter")
  void aRelayKilledBeforeItsMarkRedelivers(SuiteContext suite) {
    killedRelay(suite, "CRASH_AFTER");
  }

  @Test
  @Order(5)
  @DisplayName("a relay killed while sending a message that never arrived: a new one sends it")
  @Graded(category = "delivery", points = 1, hint = "outbox.hint.killedBefore")
  void aRelayKilledBeforeTheMessageArrivedSendsIt(SuiteContext suite) {
    killedRelay(suite, "CRASH_BEFORE");
  }

  /**
   * Three orders; the relay's second send crashes its JVM (a real SIGKILL once the sink parked it);
   * a new relay in another JVM, on the same file, with a broker that acknowledges everything.
   */
  private static void killedRelay(SuiteContext suite, String crash) {
    String relay = Outbox.relayClass(suite);
    AgentProcess jvm = suite.session().killable();
    Path db;
    List<org.txlab.placeorder.Order> orders;
    List<Outbox.Sent> before;
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      db = w.db();
      orders = Outbox.placeAll(w, THREE);
      Outbox.relay(w, relay, "relay", 200, "ACK", crash);
      RemoteCall run = Outbox.startRun(w, "relay", Plan.NORMAL);
      RemoteCall.Event e = run.until(suite.session().callDeadline(), "PARKED");
      if (e.kind().equals("RESULT")) {
        Call done = Call.of(run, w);
        fail(Feedback.get("outbox.noCrash", done.label(), done.outcome(), describe(w)));
      }
      // What the broker got, read from the JVM before it dies.
      before = Outbox.sends(w);
      if (before.isEmpty()) {
        fail(Feedback.get("outbox.noCrash", run.label(), e.detail(), "no send"));
      }
      jvm.kill("[KILLED] by the relay crash test");
      jvm.awaitExit(Duration.ofSeconds(10));
    }
    ShopWorld.awaitTheCrashOver(suite, db);
    Outbox.Sent crashed = before.get(before.size() - 1);
    String when =
        "after the relay was killed while sending message "
            + crashed.message().id()
            + ("CRASH_AFTER".equals(crash)
                ? " (the broker got it, the relay never saw the ack)"
                : " (it never reached the broker)")
            + " and a new relay ran in another process";
    try (ShopWorld again = ShopWorld.reopenBare(suite, suite.session().main(), db)) {
      Outbox.relay(again, relay, "relay", 200);
      Outbox.expectRan(Outbox.run(again, "relay", Plan.NORMAL), when);
      List<Outbox.Sent> after = Outbox.sends(again);
      List<Outbox.Sent> all = new ArrayList<>(before);
      all.addAll(after);
      if (after.stream().noneMatch(s -> s.message().orderId() == crashed.message().orderId())) {
        fail(
            Feedback.get(
                "outbox.notResent",
                when,
                Long.toString(crashed.message().orderId()),
                Outbox.describe(before),
                Outbox.describe(after)));
      }
      Outbox.expectDelivered(all, orders, when);
    }
  }

  private static String describe(ShopWorld w) {
    return Outbox.describe(Outbox.sends(w));
  }

  /** Fails unless the run's sends end with the one the broker did not acknowledge. */
  private static void expectStoppedAt(List<Outbox.Sent> sends, String outcome) {
    int at = -1;
    for (int i = 0; i < sends.size(); i++) {
      if (sends.get(i).outcome().equals(outcome)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      fail(Feedback.get("outbox.neverNotAcked", outcome, Outbox.describe(sends)));
    }
    if (at != sends.size() - 1) {
      fail(
          Feedback.get(
              "outbox.overtaken",
              sends.get(at).toString(),
              sends.get(at + 1).toString(),
              Outbox.describe(sends)));
    }
  }

  /** Fails unless the next run's first send is the message that was not acknowledged. */
  private static void expectNextRunBeginsWith(
      List<Outbox.Sent> first, List<Outbox.Sent> all, String what) {
    Outbox.Sent stopped = first.get(first.size() - 1);
    List<Outbox.Sent> next = all.subList(first.size(), all.size());
    if (next.isEmpty() || next.get(0).message().orderId() != stopped.message().orderId()) {
      fail(Feedback.get("outbox.notFirstAgain", stopped.toString(), what, Outbox.describe(next)));
    }
  }
}
