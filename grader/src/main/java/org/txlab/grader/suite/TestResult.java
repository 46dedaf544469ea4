package org.txlab.grader.suite;

/**
 * How one graded test went for one submission.
 *
 * @param id a stable id: the test class's simple name and method
 * @param title the student-facing title
 * @param category the test's category's name
 * @param maxPoints what it is worth
 * @param passed whether it passed
 * @param message for a failed test, what went wrong in student language; empty when passed
 * @param hint for a failed test, the hint; empty when passed
 * @param millis how long the test ran, in milliseconds
 */
public record TestResult(
    String id,
    String title,
    String category,
    int maxPoints,
    boolean passed,
    String message,
    String hint,
    long millis) {

  /**
   * Builds the result of a planned test.
   *
   * @param test the test
   * @param passed whether it passed
   * @param message for a failure, the student-facing message
   * @param millis how long it ran
   * @return the result, with the hint if it failed
   */
  public static TestResult of(PlannedTest test, boolean passed, String message, long millis) {
    return of(test, passed, message, test.hintKey(), millis);
  }

  /**
   * Builds the result of a planned test whose failure points at a hint of its own.
   *
   * @param test the test
   * @param passed whether it passed
   * @param message for a failure, the student-facing message
   * @param hintKey the hint's key
   * @param millis how long it ran
   * @return the result, with the hint if it failed
   */
  public static TestResult of(
      PlannedTest test, boolean passed, String message, String hintKey, long millis) {
    return new TestResult(
        test.id(),
        test.title(),
        test.category(),
        test.points(),
        passed,
        passed ? "" : message,
        passed ? "" : Feedback.get(hintKey),
        millis);
  }

  /** Returns the points earned: all or nothing. */
  public int points() {
    return passed ? maxPoints : 0;
  }

  /** Tells whether the grader, not the student's code, stopped the test (see [GRADER]). */
  public boolean graderTrouble() {
    return message.startsWith("[GRADER]");
  }
}
