package org.txlab.course;

/** A child JVM did not do what its parent waited for: it died, hung, or said something else. */
public final class ChildJvmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, with the child's stderr tail; never {@code null}
   */
  public ChildJvmException(String message) {
    super(message);
  }
}
