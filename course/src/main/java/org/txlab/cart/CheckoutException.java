package org.txlab.cart;

/** A rejected cart: one of its lines (or the cart itself) was wrong. Nothing was written. */
public abstract class CheckoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * Creates the exception.
   *
   * @param line the rejected line's number, from 1; 0 for the whole cart
   * @param message what was rejected and why; never {@code null}
   */
  protected CheckoutException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** Returns the rejected line's number, from 1; 0 when the whole cart was rejected. */
  public int line() {
    return line;
  }
}
