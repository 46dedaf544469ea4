package org.txlab.grader.suite;

/**
 * A graded test as enumerated before any test runs.
 *
 * @param uniqueId JUnit's unique id, stable across JVMs; selects the test in a child
 * @param id a short stable id, e.g. {@code
 *     AtomicityChecks.crashAfterStockUpdateLeavesNothingWritten}
 * @param title the student-facing title
 * @param category the category
 * @param points what it is worth
 * @param hintKey the hint's key in {@code feedback.properties}
 */
public record PlannedTest(
    String uniqueId, String id, String title, Category category, int points, String hintKey) {}
