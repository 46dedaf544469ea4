package org.txlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.txlab.course.SelfCheck;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.SuiteRunner;

/**
 * The self-check ends with "N more hidden checks run at grading", per category. The course library
 * may not know the grader, so it keeps the counts itself; this test keeps them true: for every
 * exercise, they equal the grader's own plan, category by category, in the grader's order.
 */
class SelfCheckCountsTests {

  @TestFactory
  Stream<DynamicTest> theSelfCheckCountsTheHiddenChecksOfTheGradersPlan() {
    return Exercises.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () ->
                        assertThat(SelfCheck.hiddenChecks(e.id()))
                            .as("SelfCheck.hiddenChecks(\"%s\"), in category order", e.id())
                            .containsExactlyEntriesOf(plan(e))));
  }

  private static Map<String, Integer> plan(Exercise e) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Exercise.Category c : e.categories()) {
      counts.put(c.name(), 0);
    }
    for (PlannedTest t : new SuiteRunner(e).plan()) {
      counts.merge(t.category(), 1, Integer::sum);
    }
    counts.values().removeIf(n -> n == 0);
    return counts;
  }
}
