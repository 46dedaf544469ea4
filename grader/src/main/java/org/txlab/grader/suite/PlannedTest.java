package org.txlab.grader.suite;

/**
 * A graded test as enumerated before any test runs.
 *
 * @param uniqueId JUnit's unique id, stable across runs; selects the test
 * @param id a short stable id, e.g. {@code AtomicityChecks.crashAfterFirstWriteLeavesNothing}
 * @param title the student-facing title
 * @param category its category's name, e.g. {@code atomicity}
 * @param points what it is worth
 * @param hintKey the hint's key in {@code feedback.properties}
 */
public record PlannedTest(
    String uniqueId, String id, String title, String category, int points, String hintKey) {}
