package org.txlab.kernel.engine;

import java.util.List;

/**
 * Why a cell failed, in Jupyter's terms.
 *
 * @param kind what sort of failure
 * @param ename the real Java exception class name (such as {@code java.lang.ArithmeticException}),
 *     or {@code CompilationError}, or {@code CellInterrupted}
 * @param evalue the exception message or compiler diagnostic
 * @param traceback lines for the student: the exception with kernel frames removed and snippet
 *     lines mapped to cell lines, or the diagnostic with the cell line
 * @param line the 1-based cell line where it happened, or 0 if unknown
 */
public record EvalError(Kind kind, String ename, String evalue, List<String> traceback, int line) {

  /** What sort of failure. */
  public enum Kind {
    /** The cell did not compile. */
    COMPILE,
    /** The cell threw. */
    RUNTIME,
    /** The cell was stopped by an interrupt. */
    INTERRUPTED,
    /** A magic failed. */
    MAGIC
  }

  /** Copies the traceback. */
  public EvalError {
    traceback = List.copyOf(traceback);
  }
}
