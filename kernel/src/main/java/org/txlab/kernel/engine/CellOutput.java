package org.txlab.kernel.engine;

/**
 * Receives what a running cell prints and displays, as it happens.
 *
 * <p>Called from the cell's threads; implementations must be thread-safe.
 */
public interface CellOutput {

  /** Ignores everything; the result still collects it. */
  CellOutput DISCARD = new CellOutput() {};

  /**
   * Receives text the cell wrote to {@code System.out}.
   *
   * @param text a chunk of text, not necessarily whole lines
   */
  default void stdout(String text) {}

  /**
   * Receives text the cell wrote to {@code System.err}.
   *
   * @param text a chunk of text, not necessarily whole lines
   */
  default void stderr(String text) {}

  /**
   * Receives a rich display the cell emitted with {@code display(...)}.
   *
   * @param bundle the representations of one object
   */
  default void display(MimeBundle bundle) {}

  /**
   * Receives a request from the cell to clear what it has shown so far ({@code clearOutput()}).
   *
   * @param wait whether to clear only when the next output arrives (no flicker in a loop that
   *     redraws)
   */
  default void clearOutput(boolean wait) {}
}
