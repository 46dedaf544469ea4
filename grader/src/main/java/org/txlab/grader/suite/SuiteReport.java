package org.txlab.grader.suite;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one hidden suite against one submission, in the order the tests were planned.
 *
 * @param submission the submission's name
 * @param results one result per graded test
 */
public record SuiteReport(String submission, List<TestResult> results) {

  /** Creates a report, copying the results. */
  public SuiteReport {
    results = List.copyOf(results);
  }

  /** Returns the points earned. */
  public int points() {
    return results.stream().mapToInt(TestResult::points).sum();
  }

  /** Returns the points possible. */
  public int maxPoints() {
    return results.stream().mapToInt(TestResult::maxPoints).sum();
  }

  /** Returns the points lost per category; categories with no loss are absent. */
  public Map<Category, Integer> lostByCategory() {
    Map<Category, Integer> lost = new EnumMap<>(Category.class);
    for (TestResult r : results) {
      if (!r.passed()) {
        lost.merge(r.category(), r.maxPoints(), Integer::sum);
      }
    }
    return lost;
  }
}
