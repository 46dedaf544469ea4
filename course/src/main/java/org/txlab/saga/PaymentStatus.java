package org.txlab.saga;

/** What the payment provider holds for an order. */
public enum PaymentStatus {
  /** Never charged, declined, or voided before the charge landed. */
  NONE,
  /** Charged, not refunded. */
  CHARGED,
  /** Charged, then refunded. */
  REFUNDED
}
