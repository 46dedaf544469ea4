package org.txlab.grader.suite;

/**
 * How one graded test went for one submission.
 *
 * @param id a stable id: the test class's simple name and method, e.g. {@code
 *     AtomicityChecks.crashAfterStockUpdate}
 * @param title the student-facing title
 * @param category the test's category
 * @param maxPoints what it is worth
 * @param passed whether it passed
 * @param message for a failed test, what went wrong in student language; empty when passed
 * @param hint for a failed test, the hint; empty when passed
 * @param millis how long the test ran, in milliseconds
 */
public record TestResult(
    String id,
    String title,
    Category category,
    int maxPoints,
    boolean passed,
    String message,
    String hint,
    long millis) {

  /** Returns the points earned: all or nothing. */
  public int points() {
    return passed ? maxPoints : 0;
  }
}
