package org.txlab.kernel.engine;

/**
 * Whether a cell is ready to run.
 *
 * @param status the verdict
 * @param indent for {@link Status#INCOMPLETE}, the indentation to continue with
 */
public record Completeness(Status status, String indent) {

  /** The verdict, as in Jupyter's {@code is_complete_reply}. */
  public enum Status {
    /** Ready to run. */
    COMPLETE,
    /** More input is expected. */
    INCOMPLETE,
    /** It cannot compile however it continues. */
    INVALID,
    /** The engine cannot tell. */
    UNKNOWN
  }
}
