package org.txlab.placeorder;

import org.txlab.course.Messages;

/** The product has fewer units in stock than the order asks for. */
public final class InsufficientStockException extends PlaceOrderException {
  private static final long serialVersionUID = 1L;

  private final long productId;
  private final int requested;
  private final long available;

  /**
   * Creates the exception.
   *
   * @param productId the product
   * @param requested how many units the order asked for
   * @param available how many units the database had when the order was checked
   */
  public InsufficientStockException(long productId, int requested, long available) {
    super(Messages.get("placeorder.insufficientStock", productId, requested, available));
    this.productId = productId;
    this.requested = requested;
    this.available = available;
  }

  /** Returns the product's id. */
  public long productId() {
    return productId;
  }

  /** Returns how many units were asked for. */
  public int requested() {
    return requested;
  }

  /** Returns how many units were in stock. */
  public long available() {
    return available;
  }
}
