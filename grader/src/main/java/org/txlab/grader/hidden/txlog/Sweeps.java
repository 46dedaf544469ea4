package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Predicate;
import org.txlab.course.txlog.CrashCheck;
import org.txlab.course.txlog.CrashImages;
import org.txlab.course.txlog.CrashSweep;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;

/** Crash sweeps of a recorded run, and the failures they report. */
final class Sweeps {
  private Sweeps() {}

  /** Images of power loss: every kind but the process crash. */
  static final Predicate<CrashImages.Image> POWER_LOSS = i -> i.kind() != CrashImages.Kind.PROCESS;

  /** Every image. */
  static final Predicate<CrashImages.Image> ALL = i -> true;

  /** Sweeps a run at every point. */
  static CrashSweep.Result sweep(
      SuiteContext suite,
      TxLogs.Run run,
      Predicate<CrashCheck.Point> where,
      Predicate<CrashImages.Image> kinds) {
    return CrashSweep.sweep(run.trace(), run.states(), where, kinds, TxLogs.recoverer(suite));
  }

  /**
   * Fails the test with the earliest, smallest finding of some verdicts, if there is one.
   *
   * @param run the run swept
   * @param r the sweep
   * @param key the message's key: arguments are the explanation, the count of such images, the
   *     count of images judged, and a picture of the files
   * @param verdicts the verdicts that fail this test
   */
  static void expectNone(
      TxLogs.Run run, CrashSweep.Result r, String key, CrashCheck.Verdict... verdicts) {
    CrashSweep.Finding f = r.first(verdicts);
    if (f == null) {
      return;
    }
    int count = 0;
    for (CrashCheck.Verdict v : verdicts) {
      count += r.count(v);
    }
    fail(
        Feedback.get(
            key, f.explanation(), count, r.images(), CrashImages.picture(run.trace(), f.image())));
  }

  /**
   * Returns the average number of fsyncs ({@code force} and {@code syncDir} calls) per commit of a
   * run, counted between {@code commit i} and {@code ack i}.
   */
  static double fsyncsPerCommit(TxLogs.Run run) {
    int forces = 0;
    boolean inCommit = false;
    for (org.txlab.course.txlog.Op op : run.trace().ops()) {
      if (op.kind() == org.txlab.course.txlog.Op.Kind.MARK) {
        inCommit = op.name().startsWith(org.txlab.course.txlog.TxRun.COMMIT);
      } else if (inCommit
          && (op.kind() == org.txlab.course.txlog.Op.Kind.FORCE
              || op.kind() == org.txlab.course.txlog.Op.Kind.SYNC_DIR)) {
        forces++;
      }
    }
    return run.result().commits() == 0 ? 0 : (double) forces / run.result().commits();
  }
}
