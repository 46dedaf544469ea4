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
class DurabilityChecks {

  @Test
  @DisplayName("an order survives a crash right after placeOrder returns")
  @Graded(category = Category.DURABILITY, points = 2, hint = "hint.durabilityCrash")
  void orderSurvivesACrashRightAfterReturn(Harness h) {
    try (ChildJvm child = h.child(9, 1, 4).killAt("after-return").start()) {
      ChildJvm.Signal outcome = child.awaitOutcome(Checks.CHILD_TIMEOUT);
      if (!outcome.kind().equals(Child.RESULT)) {
        fail(Feedback.get("crash.childFailed", outcome.payload()));
      }
      child.awaitKillPoint(Checks.CHILD_TIMEOUT);
      child.kill();
      Harness.Snapshot after = h.snapshot();
      if (after.orders().size() != 1 || after.orders().get(0).userId() != 9) {
        fail(
            Feedback.get(
                "state.orderMissing",
                "9, 1, 4",
                "after the process was killed right after placeOrder returned " + outcome.payload(),
                after.orders()));
      }
      Checks.expectStock(after, 1, 6, "after the crash");
    }
  }

  @Test
  @DisplayName("SQLite's synchronous and journal settings stay on")
  @Graded(category = Category.DURABILITY, points = 1, hint = "hint.durability")
  void keepsSynchronousAndJournalOn(Harness h) {
    InstrumentedSource source = h.instrumented();
    h.call(source, 3, 1, 1).expectOrder();
    List<String> settings = source.durabilitySettings();
    if (settings.isEmpty()) {
      fail(Feedback.get("durability.noSettings"));
    }
    for (String setting : settings) {
      if (List.of("synchronous=0", "journal_mode=off", "journal_mode=memory").contains(setting)) {
        fail(Feedback.get("durability.off", setting));
      }
    }
  }
}
