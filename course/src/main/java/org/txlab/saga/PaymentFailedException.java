package org.txlab.saga;

import org.txlab.course.Messages;
import org.txlab.placeorder.PlaceOrderException;

/**
 * The order was reserved but not paid: its payment was declined or timed out, and the order was
 * cancelled with its stock restored (or, if even that could not be settled now, is left for {@link
 * CheckoutSaga#resume}).
 */
public final class PaymentFailedException extends PlaceOrderException {
  private static final long serialVersionUID = 1L;

  private final long orderId;

  /**
   * Creates the exception.
   *
   * @param orderId the order that was not paid
   * @param cause the provider's answer: a {@link PaymentDeclinedException} or a {@link
   *     PaymentTimeoutException}
   */
  public PaymentFailedException(long orderId, Exception cause) {
    super(Messages.get("saga.paymentFailed", Long.toString(orderId), cause.getMessage()));
    initCause(cause);
    this.orderId = orderId;
  }

  /** Returns the order's id. */
  public long orderId() {
    return orderId;
  }
}
