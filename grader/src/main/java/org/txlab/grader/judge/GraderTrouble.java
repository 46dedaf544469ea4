package org.txlab.grader.judge;

/**
 * Something went wrong on the grader's side, not in the student's code: a submission JVM that did
 * not start, a command the agent refused. The message starts with {@code [GRADER]}; such a result
 * is marked for the instructor's attention, never blamed on the student.
 */
public final class GraderTrouble extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public GraderTrouble(String message) {
    super(message.startsWith("[GRADER]") ? message : "[GRADER] " + message);
  }
}
