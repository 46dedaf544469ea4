package org.txlab.cart;

import org.txlab.course.Messages;

/** The cart has no lines. */
public final class EmptyCartException extends CheckoutException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public EmptyCartException() {
    super(0, Messages.get("cart.empty"));
  }
}
