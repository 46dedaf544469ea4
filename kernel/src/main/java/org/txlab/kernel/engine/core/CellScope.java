package org.txlab.kernel.engine.core;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.txlab.kernel.engine.MimeBundle;

/** Where the running cell's output goes; used by the notebook helpers. */
public final class CellScope {

  private static boolean installed;

  private CellScope() {}

  /**
   * Shows a bundle in the cell whose thread calls this, or prints its text if no cell runs.
   *
   * @param bundle the representations; never {@code null}
   */
  public static void display(MimeBundle bundle) {
    CellThreadGroup cell = CellThreadGroup.current();
    CellSink sink = cell == null ? null : cell.sink();
    if (sink != null) {
      sink.display(bundle);
    } else {
      System.out.println(bundle);
    }
  }

  /**
   * Clears the output of the cell whose thread calls this; does nothing if no cell runs.
   *
   * @param wait whether to clear only when the cell's next output arrives
   */
  public static void clearOutput(boolean wait) {
    CellThreadGroup cell = CellThreadGroup.current();
    CellSink sink = cell == null ? null : cell.sink();
    if (sink != null) {
      sink.clearOutput(wait);
    }
  }

  /** Routes {@code System.out} and {@code System.err} through the cells, once per JVM. */
  static synchronized void installStreams() {
    if (installed) {
      return;
    }
    installed = true;
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(
        new PrintStream(new RoutingOutputStream(false, out), true, StandardCharsets.UTF_8));
    System.setErr(
        new PrintStream(new RoutingOutputStream(true, err), true, StandardCharsets.UTF_8));
  }
}
