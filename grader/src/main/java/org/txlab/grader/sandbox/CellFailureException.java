package org.txlab.grader.sandbox;

/** A notebook's exercise cells fail when evaluated, as they would in the kernel. */
public final class CellFailureException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message starts with {@code [CELL_ERROR]} or {@code [CELL_TIMEOUT]}; never {@code null}
   */
  public CellFailureException(String message) {
    super(message);
  }
}
