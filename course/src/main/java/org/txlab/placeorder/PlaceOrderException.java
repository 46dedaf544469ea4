package org.txlab.placeorder;

/** A rejected order: the request itself was wrong, not the database. Nothing was written. */
public abstract class PlaceOrderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was rejected and why; never {@code null}
   */
  protected PlaceOrderException(String message) {
    super(message);
  }
}
