package org.txlab.placeorder;

import org.txlab.course.Messages;

/** The order names a product that does not exist. */
public final class UnknownProductException extends PlaceOrderException {
  private static final long serialVersionUID = 1L;

  private final long productId;

  /**
   * Creates the exception.
   *
   * @param productId the id that was not found
   */
  public UnknownProductException(long productId) {
    super(Messages.get("placeorder.unknownProduct", productId));
    this.productId = productId;
  }

  /** Returns the id that was not found. */
  public long productId() {
    return productId;
  }
}
