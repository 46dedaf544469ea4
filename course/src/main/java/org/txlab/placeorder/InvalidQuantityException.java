package org.txlab.placeorder;

import org.txlab.course.Messages;

/** The order's quantity is zero or negative. */
public final class InvalidQuantityException extends PlaceOrderException {
  private static final long serialVersionUID = 1L;

  private final int quantity;

  /**
   * Creates the exception.
   *
   * @param quantity the rejected quantity
   */
  public InvalidQuantityException(int quantity) {
    super(Messages.get("placeorder.invalidQuantity", quantity));
    this.quantity = quantity;
  }

  /** Returns the rejected quantity. */
  public int quantity() {
    return quantity;
  }
}
