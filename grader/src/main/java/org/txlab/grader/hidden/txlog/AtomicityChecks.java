package org.txlab.grader.hidden.txlog;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.CrashCheck;
import org.txlab.course.txlog.CrashImages;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * All or nothing: a crash at any disk call of ten orders, and what recovery makes of it. A lost
 * commit is durability's to judge, not these tests'.
 */
@Order(2)
@ExtendWith(SuiteExtension.class)
class AtomicityChecks {

  @Test
  @Order(1)
  @DisplayName("a process crash at any disk call leaves each transaction whole or absent")
  @Graded(category = "atomicity", points = 3, hint = "txlog.hint.marker")
  void processCrashLeavesWholeTransactions(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.shop(), "to crash it at every disk call");
    Sweeps.expectNone(
        run,
        Sweeps.sweep(suite, run, p -> true, i -> i.kind() == CrashImages.Kind.PROCESS),
        "txlog.torn",
        CrashCheck.Verdict.TORN,
        CrashCheck.Verdict.THREW);
  }

  @Test
  @Order(2)
  @DisplayName(
      "a power loss at any disk call (unforced bytes lost, cut, zeroed, garbage or out of order)"
          + " leaves each transaction whole or absent")
  @Graded(category = "atomicity", points = 3, hint = "txlog.hint.checksum")
  void powerLossLeavesWholeTransactions(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.shop(), "to crash it at every disk call");
    Sweeps.expectNone(
        run,
        Sweeps.sweep(suite, run, p -> true, Sweeps.POWER_LOSS),
        "txlog.torn",
        CrashCheck.Verdict.TORN,
        CrashCheck.Verdict.THREW);
  }
}
