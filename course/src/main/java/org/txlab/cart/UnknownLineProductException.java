package org.txlab.cart;

import org.txlab.course.Messages;

/** A line names a product that does not exist. */
public final class UnknownLineProductException extends CheckoutException {
  private static final long serialVersionUID = 1L;

  private final long productId;

  /**
   * Creates the exception.
   *
   * @param line the line's number, from 1
   * @param productId the id that was not found
   */
  public UnknownLineProductException(int line, long productId) {
    super(line, Messages.get("cart.unknownProduct", line, productId));
    this.productId = productId;
  }

  /** Returns the id that was not found. */
  public long productId() {
    return productId;
  }
}
