package org.txlab.cart;

import org.txlab.course.Messages;

/** A line's quantity is zero or negative. */
public final class InvalidLineException extends CheckoutException {
  private static final long serialVersionUID = 1L;

  private final int quantity;

  /**
   * Creates the exception.
   *
   * @param line the line's number, from 1
   * @param quantity the rejected quantity
   */
  public InvalidLineException(int line, int quantity) {
    super(line, Messages.get("cart.invalidQuantity", line, quantity));
    this.quantity = quantity;
  }

  /** Returns the rejected quantity. */
  public int quantity() {
    return quantity;
  }
}
