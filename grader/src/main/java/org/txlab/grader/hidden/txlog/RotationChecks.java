package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.CrashCheck;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.Op;
import org.txlab.course.txlog.TxRun;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * checkpoint(): twelve commits, a quiet time in which the operating system writes everything back
 * (so that a commit's own missing force is not judged again here), then the checkpoint and two more
 * commits. Crashes inside the checkpoint, and right after it, must lose nothing.
 */
@Order(5)
@ExtendWith(SuiteExtension.class)
class RotationChecks {

  @Test
  @Order(1)
  @DisplayName("a crash at any disk call of checkpoint(), or right after it, loses nothing")
  @Graded(category = "rotation", points = 2, hint = "txlog.hint.rotation")
  void checkpointLosesNothing(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.rotation(), "to crash its checkpoint");
    Sweeps.expectNone(
        run,
        Sweeps.sweep(
            suite,
            run,
            p ->
                p.inCheckpoint()
                    || (p.checkpoints() == 1 && p.started() == p.acked() && p.acked() == 12),
            Sweeps.ALL),
        "txlog.rotationLost",
        CrashCheck.Verdict.LOST,
        CrashCheck.Verdict.TORN,
        CrashCheck.Verdict.THREW);
  }

  @Test
  @Order(2)
  @DisplayName("checkpoint() shrinks the files, and later commits survive a restart")
  @Graded(category = "rotation", points = 1, hint = "txlog.hint.shrink")
  void checkpointShrinksTheFiles(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.rotation(), "to checkpoint it");
    long before = -1;
    long after = -1;
    org.txlab.course.txlog.Trace t = run.trace();
    for (int k = 0; k < t.ops().size(); k++) {
      Op op = t.ops().get(k);
      if (op.kind() == Op.Kind.MARK && op.name().equals(TxRun.CHECKPOINT)) {
        before = prefixEnd(t, k).totalBytes();
      } else if (op.kind() == Op.Kind.MARK && op.name().equals(TxRun.CHECKPOINTED)) {
        after = prefixEnd(t, k).totalBytes();
      }
    }
    List<java.util.Map<String, String>> states = run.states();
    long state = 0;
    for (var e : states.get(12).entrySet()) {
      state += e.getKey().length() + e.getValue().length();
    }
    // A store whose files never grow (a shadow copy per commit) passes with nothing to shrink.
    long allowed = Math.max(before / 2, 4 * state);
    if (after < 0 || after > allowed) {
      fail(Feedback.get("txlog.noShrink", before, after, allowed));
    }
    FunctionalChecksRestart.expect(suite, run);
  }

  @Test
  @Order(3)
  @DisplayName("a real SIGKILL in the middle of checkpoint() loses nothing")
  @Graded(category = "rotation", points = 1, hint = "txlog.hint.rotation")
  void realKillInCheckpointLosesNothing(SuiteContext suite) {
    TxLogs.Run recorded = TxLogs.run(suite, Workloads.rotation(), "to kill its checkpoint");
    List<Integer> inside = callsInCheckpoint(recorded);
    // A checkpoint with nothing to do (a store whose files never grow) is killed right after it.
    int park =
        inside.isEmpty()
            ? DurabilityChecks.RealKills.callAfterMark(recorded, TxRun.CHECKPOINTED)
            : inside.get(inside.size() / 2);
    DurabilityChecks.RealKills.expectRecovers(
        suite, Workloads.rotation(), recorded, park, "in the middle of checkpoint()");
  }

  /** Returns the numbers (from 1) of the disk calls checkpoint() made. */
  static List<Integer> callsInCheckpoint(TxLogs.Run run) {
    List<Integer> calls = new java.util.ArrayList<>();
    int n = 0;
    boolean in = false;
    for (Op op : run.trace().ops()) {
      if (op.kind() == Op.Kind.MARK) {
        in = op.name().equals(TxRun.CHECKPOINT) || (in && !op.name().equals(TxRun.CHECKPOINTED));
      } else if (op.isCall()) {
        n++;
        if (in) {
          calls.add(n);
        }
      }
    }
    return calls;
  }

  private static DiskImage prefixEnd(org.txlab.course.txlog.Trace t, int ops) {
    return new org.txlab.course.txlog.Trace(t.start(), t.ops().subList(0, ops)).end();
  }

  /** After the whole run, a clean restart must bring back the last commit. */
  static final class FunctionalChecksRestart {
    private FunctionalChecksRestart() {}

    static void expect(SuiteContext suite, TxLogs.Run run) {
      var states = run.states();
      var last = states.get(states.size() - 1);
      var r = TxLogs.recoverer(suite).recover(List.of(run.trace().end())).get(0);
      if (r.state() == null || !r.state().equals(last)) {
        fail(
            Feedback.get(
                "txlog.afterCheckpointWrong",
                org.txlab.course.txlog.States.show(last),
                r.state() == null
                    ? "an error: " + r.error()
                    : org.txlab.course.txlog.States.show(r.state())));
      }
    }
  }
}
