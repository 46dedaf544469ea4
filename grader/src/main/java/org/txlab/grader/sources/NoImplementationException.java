package org.txlab.grader.sources;

/** The compiled submission has no class the exercise can run. */
public final class NoImplementationException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was looked for and where; never {@code null}
   */
  public NoImplementationException(String message) {
    super("[NO_EXERCISE] " + message);
  }
}
