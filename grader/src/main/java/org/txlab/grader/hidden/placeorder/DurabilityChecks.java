package org.txlab.grader.hidden.placeorder;

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
@Order(5)
@ExtendWith(SuiteExtension.class)
class DurabilityChecks {

  /**
   * At every commit, however it was issued (commit(), SQL COMMIT or END, an autocommit statement),
   * as SQLite reported it: {@code synchronous} at least FULL and a journal on disk. WAL with NORMAL
   * loses committed orders on power loss; so does a journal kept in memory.
   */
  @Test
  @Order(1)
  @DisplayName("SQLite's synchronous and journal settings stay on at every commit")
  @Graded(category = "durability", points = 1, hint = "hint.durability")
  void keepsSynchronousAndJournalOnAtEveryCommit(SuiteContext suite) {
    Durability.expectDurableCommits(
        Clean.run(suite, 3, 1, 1, "to see the settings at its commits").call());
  }

  /**
   * Kills the student's code with SIGKILL right after placeOrder returned: on reopening, the
   * database must hold what the same call stores when nothing goes wrong.
   */
  @Test
  @Order(2)
  @DisplayName("an order survives a crash right after placeOrder returns")
  @Graded(category = "durability", points = 2, hint = "hint.durabilityCrash")
  void orderSurvivesACrashRightAfterReturn(SuiteContext suite) {
    Clean clean = Clean.run(suite, 9, 1, 4, "to crash it after it returned");
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      Durability.expectSurvivesCrashAfterReturn(
          w, jvm, Placed.start(w, 9, 1, 4, Plan.NORMAL.parkingAfterReturn()), clean.after());
    }
  }
}
