package org.txlab.grader.sources;

/** Student sources did not compile; the message holds javac's diagnostics. */
public final class CompilationFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param diagnostics javac's messages, one per line; never {@code null}
   */
  public CompilationFailedException(String diagnostics) {
    super("[COMPILE] the submission does not compile: " + diagnostics);
  }
}
