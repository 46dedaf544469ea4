package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.CrashSweep;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * Recovery holds up: what a correct recovery left recovers to the same store, also when recovery
 * itself crashed. Only recoveries that were right in the first place are judged here.
 */
@Order(4)
@ExtendWith(SuiteExtension.class)
class RecoveryChecks {
  /** The most first-level recoveries crashed in their turn. */
  private static final int DEEP = 40;

  @Test
  @Order(1)
  @DisplayName("recovering what recover() left gives the same store, and so does a crash during it")
  @Graded(category = "recovery", points = 3, hint = "txlog.hint.idempotent")
  void recoveryHoldsUp(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.shop(), "to crash it and recover twice");
    CrashSweep.Result first = Sweeps.sweep(suite, run, p -> true, Sweeps.ALL);
    List<CrashSweep.Relapse> relapses =
        CrashSweep.relapses(run.trace(), run.states(), first, DEEP, TxLogs.recoverer(suite));
    if (!relapses.isEmpty()) {
      fail(Feedback.get("txlog.relapse", relapses.get(0).what(), relapses.size()));
    }
  }
}
