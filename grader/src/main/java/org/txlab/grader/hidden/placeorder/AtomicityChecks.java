package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.Child;
import org.txlab.course.ChildJvm;
import org.txlab.course.InstrumentedSource;
import org.txlab.grader.hidden.Feedback;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.Graded;

@ExtendWith(HarnessExtension.class)
class AtomicityChecks {

  @Test
  @DisplayName("a failure at any JDBC statement leaves the database unchanged")
  @Graded(category = Category.ATOMICITY, points = 3, hint = "hint.atomicity")
  void failureAtEveryStatementLeavesNothingWritten(Harness h) throws Exception {
    Harness.Snapshot before = h.snapshot();
    InstrumentedSource clean = h.instrumented();
    h.call(clean, 5, 1, 2).expectOrder();
    int statements = clean.statementCount();
    List<String> log = clean.log();
    if (statements == 0) {
      fail(Feedback.get("atomicity.noStatements"));
    }
    for (int k = 1; k <= statements; k++) {
      try (Harness fresh = h.fresh()) {
        Harness.Call call = fresh.call(fresh.instrumented().failAt(k), 5, 1, 2);
        String statement = log.get(k - 1);
        if (call.succeeded()) {
          fail(Feedback.get("atomicity.swallowed", call.args(), k, statement, call.order()));
        }
        before.expectUnchanged(fresh.snapshot(), "after JDBC statement " + statement + " failed");
      }
    }
  }

  @Test
  @DisplayName("a crash after the stock UPDATE, before COMMIT, leaves the database unchanged")
  @Graded(category = Category.ATOMICITY, points = 3, hint = "hint.crash")
  void crashAfterStockUpdateLeavesNothingWritten(Harness h) {
    Harness.Snapshot before = h.snapshot();
    try (ChildJvm child = h.child(5, 1, 2).killAt("after-stock-update").start()) {
      ChildJvm.Signal signal = child.next(Checks.CHILD_TIMEOUT);
      if (!signal.kind().equals(Child.KILL_POINT)) {
        fail(Feedback.get("crash.noUpdate", signal.payload()));
      }
      child.kill();
    }
    before.expectUnchanged(h.snapshot(), "after the process was killed right after its UPDATE");
  }
}
