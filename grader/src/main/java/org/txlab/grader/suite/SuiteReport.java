package org.txlab.grader.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one exercise's hidden suite against one submission, in plan order.
 *
 * @param exercise the exercise's id
 * @param results one result per graded test
 * @param figures what the tests measured beside the points (e.g. {@code fsyncs per commit}), in the
 *     order measured; empty for most exercises
 */
public record SuiteReport(String exercise, List<TestResult> results, Map<String, String> figures) {

  /** Creates a report, copying the results and figures (none if {@code null}: an older shard). */
  public SuiteReport {
    results = List.copyOf(results);
    figures =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(figures == null ? Map.of() : figures));
  }

  /** Creates a report without figures. */
  public SuiteReport(String exercise, List<TestResult> results) {
    this(exercise, results, Map.of());
  }

  /** Returns the points earned. */
  public int points() {
    return results.stream().mapToInt(TestResult::points).sum();
  }

  /** Returns the points possible. */
  public int maxPoints() {
    return results.stream().mapToInt(TestResult::maxPoints).sum();
  }

  /** Returns the points lost per category, in plan order; categories with no loss are absent. */
  public Map<String, Integer> lostByCategory() {
    Map<String, Integer> lost = new LinkedHashMap<>();
    for (TestResult r : results) {
      if (!r.passed()) {
        lost.merge(r.category(), r.maxPoints(), Integer::sum);
      }
    }
    return lost;
  }
}
