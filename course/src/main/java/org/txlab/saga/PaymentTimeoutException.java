package org.txlab.saga;

/**
 * The provider did not answer in time. The call may have taken effect, or may still take effect
 * later: after a timed-out charge, only {@link Payments#status} or a {@link Payments#refund} (which
 * also voids a charge that lands late) settles the question.
 */
public class PaymentTimeoutException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out
   */
  public PaymentTimeoutException(String message) {
    super(message);
  }
}
