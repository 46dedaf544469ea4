package org.txlab.grader.judge;

/**
 * What a submission JVM sent is not what the protocol allows: a malformed line or value. Only a
 * submission that writes to the judge's channel itself causes one.
 */
public final class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong
   */
  public ProtocolException(String message) {
    super(message);
  }
}
