package org.txlab.grader.suite;

/**
 * A test's failure that knows which hint fits it better than the test's own: a test that checks
 * several things points the student at the one that failed.
 */
public final class HintedFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String hintKey;

  /**
   * Creates the failure.
   *
   * @param hintKey the hint's key in a feedback bundle
   * @param message the student-facing message
   */
  public HintedFailure(String hintKey, String message) {
    super(message);
    this.hintKey = hintKey;
  }

  /** Returns the hint's key. */
  public String hintKey() {
    return hintKey;
  }

  /**
   * Fails a test with a message from the feedback bundles and a hint of its own.
   *
   * @param hintKey the hint's key
   * @param messageKey the message's key
   * @param args the message's arguments
   * @return never; declared so that callers can {@code throw} it
   */
  public static HintedFailure fail(String hintKey, String messageKey, Object... args) {
    throw new HintedFailure(hintKey, Feedback.get(messageKey, args));
  }
}
