package org.txlab.grader.intake;

/** A submission that cannot be graded as handed in; the message says what and what to do. */
public final class BadSubmissionException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message starts with a code such as {@code [UNSAFE_ZIP]}; never {@code null}
   */
  public BadSubmissionException(String message) {
    super(message);
  }
}
