package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.States;
import org.txlab.course.txlog.TxRun;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** The store's state is on its Disk: a store opened on another disk sees that disk only. */
@Order(6)
@ExtendWith(SuiteExtension.class)
class HygieneChecks {

  @Test
  @DisplayName("a store opened on an empty disk, or on another run's disk, sees only that disk")
  @Graded(category = "hygiene", points = 2, hint = "txlog.hint.onlyTheDisk")
  void keepsItsStateOnTheDisk(SuiteContext suite) {
    TxLogs.Run shop = TxLogs.run(suite, Workloads.shop(), "to see where it keeps its state");
    TxLogs.Run other = TxLogs.run(suite, Workloads.overwrites(), "to see where it keeps its state");
    List<TxRun.Recovery> r =
        TxLogs.recoverer(suite).recover(List.of(DiskImage.empty(), other.trace().end()));
    expect(r.get(0), Map.of(), "an empty disk");
    List<Map<String, String>> states = other.states();
    expect(r.get(1), states.get(states.size() - 1), "the disk of another run");
    if (shop.trace().calls() == 0) {
      fail(Feedback.get("txlog.noDiskCalls"));
    }
  }

  private static void expect(TxRun.Recovery r, Map<String, String> want, String disk) {
    if (r.state() == null) {
      fail(Feedback.get("txlog.restartThrew", r.error()));
    }
    if (!r.state().equals(want)) {
      fail(Feedback.get("txlog.notOnDisk", disk, States.show(want), States.show(r.state())));
    }
  }
}
