package org.txlab.saga;

/**
 * The external payment step: a payment provider's client, as a test double in the course. Every
 * call is idempotent per order, as real providers' calls are with an idempotency key: calling it
 * twice has the effect of calling it once.
 */
public interface Payments {

  /**
   * Charges an order. Charging an order the provider already charged succeeds without charging it
   * again; charging one it declined declines again; charging one that was refunded or voided is
   * declined.
   *
   * @param orderId the order, the provider's idempotency key
   * @param amountCents the amount, the product's price times the quantity
   * @throws PaymentDeclinedException if the provider declined: nothing charged
   * @throws PaymentTimeoutException if the provider did not answer in time: the charge may have
   *     happened, or may happen later
   */
  void charge(long orderId, long amountCents)
      throws PaymentDeclinedException, PaymentTimeoutException;

  /**
   * Cancels an order's payment: refunds a charge, or voids one that has not landed yet so that it
   * never does. Refunding an order with nothing charged, or one already refunded, does nothing.
   *
   * @param orderId the order
   * @throws PaymentTimeoutException if the provider did not answer in time: the refund may or may
   *     not have happened; calling again is safe
   */
  void refund(long orderId) throws PaymentTimeoutException;

  /**
   * Says what the provider holds for an order now.
   *
   * @param orderId the order
   * @return its status; {@link PaymentStatus#NONE} also for a charge that timed out and has not
   *     landed yet
   */
  PaymentStatus status(long orderId);
}
