package org.txlab.kernel.engine;

import java.util.List;
import java.util.Optional;

/**
 * What evaluating one cell produced.
 *
 * @param value the value of the cell's last expression, if it ended with one ({@code null} values
 *     are present as {@link #hasValue()} with an empty {@link #value()})
 * @param hasValue whether the cell ended with an expression that has a value
 * @param displays the rich displays the cell emitted, in order
 * @param stdout everything the cell printed to {@code System.out}
 * @param stderr everything the cell printed to {@code System.err}
 * @param error why the cell failed, if it did
 */
public record EvalResult(
    Optional<Object> value,
    boolean hasValue,
    List<MimeBundle> displays,
    String stdout,
    String stderr,
    Optional<EvalError> error) {

  /** Copies the displays. */
  public EvalResult {
    displays = List.copyOf(displays);
  }

  /**
   * Tells whether the cell ran without error.
   *
   * @return {@code true} if there is no error
   */
  public boolean ok() {
    return error.isEmpty();
  }
}
