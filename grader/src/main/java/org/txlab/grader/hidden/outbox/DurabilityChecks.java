package org.txlab.grader.hidden.outbox;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Durability;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

// Last: its crash test may take the main submission JVM when no test comes after it.
@Order(6)
@ExtendWith(SuiteExtension.class)
class DurabilityChecks {

  @Test
  @Order(1)
  @DisplayName("SQLite's synchronous and journal settings stay on at every commit, the relay's too")
  @Graded(category = "durability", points = 1, hint = "hint.durability")
  void keepsSynchronousAndJournalOnAtEveryCommit(SuiteContext suite) {
    String relay = Outbox.relayClass(suite);
    Durability.expectDurableCommits(
        AtomicityChecks.Clean.run(suite, "to see the settings at its commits").call());
    try (ShopWorld w = ShopWorld.open(suite)) {
      Outbox.placeAll(w, new long[][] {{3, 1, 1}});
      Outbox.relay(w, relay, "relay", 200);
      Call run = Outbox.run(w, "relay", Plan.NORMAL);
      for (StatementRecord s : run.statements()) {
        if (s.committed()) {
          Durability.expectDurable(s);
        }
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("an order survives a crash right after placeOrder returns")
  @Graded(category = "durability", points = 1, hint = "hint.durabilityCrash")
  void orderSurvivesACrashRightAfterReturn(SuiteContext suite) {
    ShopSnapshot expected =
        AtomicityChecks.Clean.run(suite, "to crash it after it returned").placed();
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      Durability.expectSurvivesCrashAfterReturn(
          w, jvm, Outbox.startPlace(w, 5, 1, 2, Plan.NORMAL.parkingAfterReturn()), expected);
    }
  }
}
