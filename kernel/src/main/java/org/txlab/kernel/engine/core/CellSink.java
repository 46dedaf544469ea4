package org.txlab.kernel.engine.core;

import java.util.ArrayList;
import java.util.List;
import org.txlab.kernel.engine.CellOutput;
import org.txlab.kernel.engine.MimeBundle;

/**
 * Collects one cell's output and forwards it to the caller's {@link CellOutput}.
 *
 * <p>Everything is forwarded; only the first {@value #MAX_COLLECTED} characters per stream are kept
 * for the {@code EvalResult}, so a cell that prints forever cannot exhaust the kernel's memory.
 */
final class CellSink {

  static final int MAX_COLLECTED = 1 << 20;
  static final String TRUNCATED = "\n[output truncated]\n";

  private final CellOutput forward;
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final List<MimeBundle> displays = new ArrayList<>();
  private boolean clearBeforeNext;

  CellSink(CellOutput forward) {
    this.forward = forward;
  }

  synchronized void stdout(String text) {
    clearIfWaiting();
    collect(out, text);
    forward.stdout(text);
  }

  synchronized void stderr(String text) {
    clearIfWaiting();
    collect(err, text);
    forward.stderr(text);
  }

  private static void collect(StringBuilder buffer, String text) {
    if (buffer.length() + text.length() <= MAX_COLLECTED) {
      buffer.append(text);
    } else if (buffer.length() <= MAX_COLLECTED) {
      // Past the limit the buffer holds MAX_COLLECTED characters plus the marker, once.
      buffer.append(text, 0, MAX_COLLECTED - buffer.length()).append(TRUNCATED);
    }
  }

  synchronized void display(MimeBundle bundle) {
    clearIfWaiting();
    displays.add(bundle);
    forward.display(bundle);
  }

  /**
   * Clears what the cell has shown, now or (with {@code wait}) when its next output arrives, in the
   * result as in the notebook.
   */
  synchronized void clearOutput(boolean wait) {
    if (wait) {
      clearBeforeNext = true;
    } else {
      clear();
    }
    forward.clearOutput(wait);
  }

  private void clearIfWaiting() {
    if (clearBeforeNext) {
      clear();
    }
  }

  private void clear() {
    clearBeforeNext = false;
    out.setLength(0);
    err.setLength(0);
    displays.clear();
  }

  synchronized String stdoutText() {
    return out.toString();
  }

  synchronized String stderrText() {
    return err.toString();
  }

  synchronized List<MimeBundle> displays() {
    return List.copyOf(displays);
  }
}
