package org.txlab.saga;

/** The provider declined the charge: nothing was charged, and nothing will be. */
public class PaymentDeclinedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why
   */
  public PaymentDeclinedException(String message) {
    super(message);
  }
}
