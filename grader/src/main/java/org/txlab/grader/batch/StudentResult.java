package org.txlab.grader.batch;

import java.util.List;
import java.util.Set;
import org.txlab.grader.suite.SuiteReport;

/**
 * What grading one student produced.
 *
 * @param student the student's id
 * @param origin what was handed in
 * @param hash the content hash of the hand-in and the grader, for re-grading only what changed
 * @param problem why it is not gradable, or {@code null} if it was graded
 * @param report the hidden tests' results, or {@code null} if not gradable
 * @param quiz the quiz's results, or {@code null} when the hand-in had no quiz
 * @param incidents JVM deaths during grading, e.g. {@code [EXIT] ... during '...'}
 * @param flags integrity flags for the instructor's review
 * @param forgedLines lines written to the result channel without the run's nonce
 * @param output the start of what the code printed
 * @param millis how long grading it took (intake excluded), in milliseconds
 */
public record StudentResult(
    String student,
    String origin,
    String hash,
    String problem,
    SuiteReport report,
    QuizResult quiz,
    List<String> incidents,
    Set<String> flags,
    int forgedLines,
    String output,
    long millis) {

  /** Tells whether the hidden tests ran. */
  public boolean gradable() {
    return problem == null;
  }

  /** Returns the exercise points earned, 0 when not gradable. */
  public int points() {
    return report == null ? 0 : report.points();
  }
}
