package org.txlab.grader.hidden.idempotency;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Durability;
import org.txlab.grader.hidden.Plan;
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
  @DisplayName("SQLite's synchronous and journal settings stay on at every commit")
  @Graded(category = "durability", points = 1, hint = "hint.durability")
  void keepsSynchronousAndJournalOnAtEveryCommit(SuiteContext suite) {
    Durability.expectDurableCommits(
        Keyed.Clean.run(suite, "settings-3", 3, 1, 1, "to see the settings at its commits").call());
  }

  @Test
  @Order(2)
  @DisplayName("an order survives a crash right after placeOrder returns")
  @Graded(category = "durability", points = 1, hint = "hint.durabilityCrash")
  void orderSurvivesACrashRightAfterReturn(SuiteContext suite) {
    Keyed.Clean clean =
        Keyed.Clean.run(suite, "durable-9", 9, 1, 4, "to crash it after it returned");
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      Durability.expectSurvivesCrashAfterReturn(
          w,
          jvm,
          Keyed.start(w, "durable-9", 9, 1, 4, Plan.NORMAL.parkingAfterReturn()),
          clean.after());
    }
  }
}
