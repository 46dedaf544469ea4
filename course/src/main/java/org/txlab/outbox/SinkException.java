package org.txlab.outbox;

/**
 * The broker did not acknowledge a message: it refused it, or the acknowledgement did not come in
 * time. The message may have arrived anyway; the relay must keep it pending and send it again.
 */
public class SinkException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   */
  public SinkException(String message) {
    super(message);
  }
}
