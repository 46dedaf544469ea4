package org.txlab.grader.report;

import java.util.List;
import java.util.Map;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.suite.PlannedTest;

/** What every report needs to know of the grading: its exercises, their tests, the quiz's size. */
record Model(List<Exercise> exercises, Map<String, List<PlannedTest>> plans, int quizMax) {

  Exercise exercise(String id) {
    return exercises.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  List<PlannedTest> plan(String id) {
    return plans.getOrDefault(id, List.of());
  }

  int maxPoints(String id) {
    return plan(id).stream().mapToInt(PlannedTest::points).sum();
  }

  int maxTotal() {
    return exercises.stream().mapToInt(e -> maxPoints(e.id())).sum() + quizMax;
  }
}
