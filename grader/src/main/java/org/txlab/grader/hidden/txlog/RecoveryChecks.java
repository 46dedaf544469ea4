package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.CrashCheck;
import org.txlab.course.txlog.CrashImages;
import org.txlab.course.txlog.CrashSweep;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.States;
import org.txlab.course.txlog.TxRun;
import org.txlab.course.txlog.Workload;
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
  @Graded(category = "recovery", points = 2, hint = "txlog.hint.idempotent")
  void recoveryHoldsUp(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.shop(), "to crash it and recover twice");
    CrashSweep.Result first = Sweeps.sweep(suite, run, p -> true, Sweeps.ALL);
    List<CrashSweep.Relapse> relapses =
        CrashSweep.relapses(run.trace(), run.states(), first, DEEP, TxLogs.recoverer(suite));
    if (!relapses.isEmpty()) {
      fail(Feedback.get("txlog.relapse", relapses.get(0).what(), relapses.size()));
    }
  }

  @Test
  @Order(2)
  @DisplayName("a commit made after recovering from a torn log survives a restart")
  @Graded(category = "recovery", points = 1, hint = "txlog.hint.repair")
  void commitAfterATornLogSurvives(SuiteContext suite) {
    TxLogs.Run run = TxLogs.run(suite, Workloads.shop(), "to tear its log");
    CrashSweep.Result first =
        Sweeps.sweep(
            suite,
            run,
            p -> true,
            i ->
                i.kind() == CrashImages.Kind.CUT
                    || i.kind() == CrashImages.Kind.ZEROS
                    || i.kind() == CrashImages.Kind.GARBAGE);
    List<CrashCheck.Point> points = CrashCheck.points(run.trace());
    Map<DiskImage, CrashImages.Image> torn = new LinkedHashMap<>();
    for (CrashImages.Image i : CrashImages.of(run.trace())) {
      TxRun.Recovery r = first.recoveries().get(i.disk());
      if (r != null
          && CrashCheck.judge(r.state(), run.states(), points.get(i.after()))
              == CrashCheck.Verdict.OK) {
        torn.putIfAbsent(i.disk(), i);
      }
    }
    List<CrashImages.Image> picked = spread(List.copyOf(torn.values()), TORN_TRIES);
    Map<String, String> puts = Workloads.puts("stock-1", "99", "order-99", "after the crash");
    for (CrashImages.Image i : picked) {
      Map<String, String> recovered = first.recoveries().get(i.disk()).state();
      TxLogs.Run more =
          TxLogs.run(
              suite,
              Workload.builder().commit(puts).build(),
              "to commit after recovering a torn log",
              i.disk(),
              recovered);
      Map<String, String> want = new TreeMap<>(recovered);
      want.putAll(puts);
      TxRun.Recovery again = TxLogs.recoverer(suite).recover(List.of(more.trace().end())).get(0);
      if (again.state() == null || !again.state().equals(want)) {
        fail(
            Feedback.get(
                "txlog.commitAfterTorn",
                points.get(i.after()).describe() + " — " + i.what(),
                States.show(want),
                again.state() == null ? "an error: " + again.error() : States.show(again.state()),
                CrashImages.picture(run.trace(), i)));
      }
    }
  }

  /** The most torn images a commit is made on. */
  private static final int TORN_TRIES = 6;

  /** Picks at most n items spread evenly over a list, first and last included. */
  private static <T> List<T> spread(List<T> all, int n) {
    if (all.size() <= n) {
      return all;
    }
    List<T> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(all.get((int) ((long) k * (all.size() - 1) / (n - 1))));
    }
    return out;
  }
}
