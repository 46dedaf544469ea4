package org.txlab.idempotency;

import org.txlab.course.Messages;
import org.txlab.placeorder.PlaceOrderException;

/** An idempotency key sent again with another request: a client bug. Nothing was written. */
public final class KeyReusedException extends PlaceOrderException {
  private static final long serialVersionUID = 1L;

  /** The key. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the key; never {@code null}
   * @param first the request it was first used for, e.g. {@code user 1, product 2, quantity 3}
   * @param now the request it came with this time
   */
  public KeyReusedException(String key, String first, String now) {
    super(Messages.get("idempotency.keyReused", key, first, now));
    this.key = key;
  }

  /** Returns the key. */
  public String key() {
    return key;
  }
}
