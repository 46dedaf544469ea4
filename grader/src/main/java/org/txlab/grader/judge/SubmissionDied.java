package org.txlab.grader.judge;

/**
 * The submission JVM ended (or was stopped) while the judge waited on it. The message is
 * student-facing and starts with a code: {@code [EXIT]}, {@code [TIMEOUT]}, {@code
 * [OUT_OF_MEMORY]}, {@code [OUTPUT_FLOOD]}.
 */
public final class SubmissionDied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason what happened, code first
   */
  public SubmissionDied(String reason) {
    super(reason);
  }
}
