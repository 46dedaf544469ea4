package org.txlab.cart;

import org.txlab.course.Messages;

/** The stock cannot cover a line (with the lines before it for the same product). */
public final class LineOutOfStockException extends CheckoutException {
  private static final long serialVersionUID = 1L;

  private final long productId;
  private final int requested;
  private final long available;

  /**
   * Creates the exception.
   *
   * @param line the line's number, from 1
   * @param productId the product
   * @param requested how many units the line asked for
   * @param available how many units were left for it
   */
  public LineOutOfStockException(int line, long productId, int requested, long available) {
    super(line, Messages.get("cart.insufficientStock", line, productId, requested, available));
    this.productId = productId;
    this.requested = requested;
    this.available = available;
  }

  /** Returns the product's id. */
  public long productId() {
    return productId;
  }

  /** Returns how many units the line asked for. */
  public int requested() {
    return requested;
  }

  /** Returns how many units were left for it. */
  public long available() {
    return available;
  }
}
