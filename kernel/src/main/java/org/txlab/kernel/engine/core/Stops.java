package org.txlab.kernel.engine.core;

/**
 * Hooks that the engine weaves into cell bytecode; not for direct use.
 *
 * <p>Every backward jump (loop) in a cell calls {@link #check()}, so a cell that ignores {@code
 * Thread.interrupt} still stops when interrupted, on every JDK (on JDK 20+ {@code Thread.stop} is
 * gone). Calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in a cell are
 * redirected here and throw {@link SystemExitInCell} instead of ending the kernel.
 */
public final class Stops {

  /** Whether any cell has a pending stop; keeps the loop check to one volatile read. */
  private static volatile int stopping;

  private Stops() {}

  /** Throws if the calling thread belongs to a cell that must stop. */
  public static void check() {
    if (stopping != 0) {
      CellThreadGroup cell = CellThreadGroup.current();
      if (cell != null && cell.stopRequested()) {
        throw new CellStopped();
      }
    }
  }

  /**
   * Replaces {@code System.exit(status)} in cells.
   *
   * @param status the exit status the cell asked for
   */
  public static void exit(int status) {
    throw new SystemExitInCell("System.exit", status);
  }

  /**
   * Replaces {@code Runtime.exit(status)} in cells.
   *
   * @param runtime ignored
   * @param status the exit status the cell asked for
   */
  public static void runtimeExit(Runtime runtime, int status) {
    throw new SystemExitInCell("Runtime.exit", status);
  }

  /**
   * Replaces {@code Runtime.halt(status)} in cells.
   *
   * @param runtime ignored
   * @param status the exit status the cell asked for
   */
  public static void runtimeHalt(Runtime runtime, int status) {
    throw new SystemExitInCell("Runtime.halt", status);
  }

  static synchronized void stopping(boolean on) {
    stopping += on ? 1 : -1;
  }
}
