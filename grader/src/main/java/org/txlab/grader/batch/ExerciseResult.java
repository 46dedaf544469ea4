package org.txlab.grader.batch;

import org.txlab.grader.suite.SuiteReport;

/**
 * One exercise of one student's hand-in.
 *
 * @param exercise the exercise's id
 * @param problem why it was not graded (no implementation, a compile error, a failing cell), or
 *     {@code null} if it was
 * @param report the hidden tests' results, or {@code null} if not graded
 * @param maxPoints what the exercise is worth
 */
public record ExerciseResult(String exercise, String problem, SuiteReport report, int maxPoints) {

  /** Tells whether the hidden tests ran. */
  public boolean graded() {
    return report != null;
  }

  /** Returns the points earned, 0 when not graded. */
  public int points() {
    return report == null ? 0 : report.points();
  }
}
