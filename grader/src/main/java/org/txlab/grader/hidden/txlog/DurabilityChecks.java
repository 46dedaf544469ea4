package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.CrashCheck;
import org.txlab.course.txlog.States;
import org.txlab.course.txlog.TxRun;
import org.txlab.course.txlog.Workload;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** A commit that returned survives: any power loss after it, and a real SIGKILL. */
@Order(3)
@ExtendWith(SuiteExtension.class)
class DurabilityChecks {

  @Test
  @Order(1)
  @DisplayName("every commit that returned survives a power loss at any later disk call")
  @Graded(category = "durability", points = 3, hint = "txlog.hint.force")
  void acknowledgedCommitsSurvivePowerLoss(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.shop(), "to crash it at every disk call");
    suite
        .session()
        .figure(
            suite.exercise().id(),
            "fsyncs per commit (force and syncDir calls)",
            String.format(java.util.Locale.ROOT, "%.2f", Sweeps.fsyncsPerCommit(run)));
    Sweeps.expectNone(
        run,
        Sweeps.sweep(suite, run, p -> p.acked() > 0, Sweeps.ALL),
        "txlog.lost",
        CrashCheck.Verdict.LOST);
  }

  @Test
  @Order(2)
  @DisplayName("a commit survives a real SIGKILL of the JVM right after commit() returned")
  @Graded(category = "durability", points = 2, hint = "txlog.hint.realKill")
  void commitSurvivesARealKill(SuiteContext suite) {
    Workload w = Workloads.three();
    TxLogs.Run recorded = TxLogs.run(suite, w, "to kill it after a commit");
    int park = RealKills.callAfterMark(recorded, TxRun.ACK + 2);
    RealKills.expectRecovers(suite, w, recorded, park, "right after commit 2 returned");
  }

  /** Kills a real run and checks what a fresh JVM recovers from its folder. */
  static final class RealKills {
    private RealKills() {}

    /** Returns the number of the first disk call after a mark (counting calls from 1). */
    static int callAfterMark(TxLogs.Run run, String mark) {
      int calls = 0;
      boolean seen = false;
      for (org.txlab.course.txlog.Op op : run.trace().ops()) {
        if (op.kind() == org.txlab.course.txlog.Op.Kind.MARK && op.name().equals(mark)) {
          seen = true;
        } else if (op.isCall()) {
          calls++;
          if (seen) {
            return calls;
          }
        }
      }
      // No call after the mark: stop at the end of the run instead.
      return Integer.MAX_VALUE;
    }

    /**
     * Runs the workload on a real folder in a JVM that is SIGKILLed before disk call {@code park},
     * recovers the folder in another JVM, and fails unless the state is right for that point.
     */
    static void expectRecovers(
        SuiteContext suite, Workload w, TxLogs.Run recorded, int park, String where) {
      Path dir = TxLogs.realFolder(suite);
      AgentProcess jvm = suite.session().killable();
      List<String> reply = TxLogs.real(suite, jvm, dir, park, w);
      jvm.kill("[KILLED] by the crash test");
      jvm.awaitExit(Duration.ofSeconds(10));
      boolean parked = reply.size() == 1;
      if (!parked && !reply.get(2).isEmpty()) {
        fail(Feedback.get("txlog.runFailed", "to be killed " + where, reply.get(2)));
      }
      // Where the kill came, by the recorded run's marks (the same calls in the same order).
      int calls = 0;
      CrashCheck.Point at = null;
      List<CrashCheck.Point> points = CrashCheck.points(recorded.trace());
      for (int k = 0; k < recorded.trace().ops().size() && at == null; k++) {
        if (recorded.trace().ops().get(k).isCall() && ++calls == park) {
          at = points.get(k);
        }
      }
      if (at == null) {
        at = points.get(points.size() - 1);
      }
      List<String> after =
          TxLogs.real(suite, suite.session().main(), dir, 0, Workload.builder().build());
      if (!after.get(2).isEmpty()) {
        fail(Feedback.get("txlog.realRecoverThrew", where, after.get(2)));
      }
      Map<String, String> state =
          after.get(3).equals(TxLogs.NULL) ? null : States.decode(after.get(3));
      List<Map<String, String>> states = recorded.states();
      if (CrashCheck.judge(state, states, at) != CrashCheck.Verdict.OK) {
        fail(
            Feedback.get(
                "txlog.realWrong",
                where,
                States.show(states.get(at.acked())),
                state == null ? "nothing readable" : States.show(state)));
      }
    }
  }
}
