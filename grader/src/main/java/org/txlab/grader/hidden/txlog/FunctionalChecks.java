package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.States;
import org.txlab.course.txlog.TxRun;
import org.txlab.course.txlog.Workload;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** What the store does when nothing crashes, and what a clean restart brings back. */
@Order(1)
@ExtendWith(SuiteExtension.class)
class FunctionalChecks {

  @Test
  @Order(1)
  @DisplayName("reads see the transaction's own writes, and only committed values outside it")
  @Graded(category = "functional", points = 2, hint = "txlog.hint.reads")
  void readsSeeTheRightValues(SuiteContext suite) {
    Workload w = Workloads.reads();
    TxLogs.Run run = TxLogs.run(suite, w, "to read what it wrote");
    List<String> expected = w.expectedReads(Map.of());
    int k = 0;
    for (int i = 0; i < w.steps().size(); i++) {
      Workload.Kind kind = w.steps().get(i).kind();
      if (kind == Workload.Kind.TX_GET
          || kind == Workload.Kind.GET
          || kind == Workload.Kind.SNAPSHOT) {
        String got = run.result().reads().get(k);
        String want = expected.get(k);
        if (!Objects.equals(got, want)) {
          fail(
              Feedback.get(
                  "txlog.wrongRead", TxLogs.describeStep(w, i), show(kind, want), show(kind, got)));
        }
        k++;
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName(
      "any key and value (tabs, newlines, commas, quotes, Unicode, empty) survive a restart")
  @Graded(category = "functional", points = 2, hint = "txlog.hint.values")
  void awkwardValuesSurviveARestart(SuiteContext suite) {
    expectRestartGives(suite, Workloads.awkwardValues(), "to keep awkward values");
  }

  @Test
  @Order(3)
  @DisplayName("after thirty overwrites of five keys, a restart brings back the last values")
  @Graded(category = "functional", points = 1, hint = "txlog.hint.restart")
  void lastValuesSurviveARestart(SuiteContext suite) {
    expectRestartGives(suite, Workloads.overwrites(), "to overwrite values");
  }

  /** Runs a workload, then opens a fresh store on what it left and expects the last state. */
  static void expectRestartGives(SuiteContext suite, Workload w, String needed) {
    TxLogs.Run run = TxLogs.run(suite, w, needed);
    List<Map<String, String>> states = run.states();
    Map<String, String> last = states.get(states.size() - 1);
    DiskImage left = run.trace().end();
    TxRun.Recovery r = TxLogs.recoverer(suite).recover(List.of(left)).get(0);
    if (r.state() == null) {
      fail(Feedback.get("txlog.restartThrew", r.error()));
    }
    if (!r.state().equals(last)) {
      fail(Feedback.get("txlog.restartWrong", States.show(last), States.show(r.state())));
    }
  }

  private static String show(Workload.Kind kind, String v) {
    if (v == null) {
      return "null";
    }
    return kind == Workload.Kind.SNAPSHOT ? States.show(States.decode(v)) : "\"" + v + "\"";
  }
}
