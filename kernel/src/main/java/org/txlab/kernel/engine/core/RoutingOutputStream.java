package org.txlab.kernel.engine.core;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code System.out} or {@code System.err}: writes into the current cell, or falls through. */
final class RoutingOutputStream extends OutputStream {

  private final boolean stderr;
  private final PrintStream fallback;

  RoutingOutputStream(boolean stderr, PrintStream fallback) {
    this.stderr = stderr;
    this.fallback = fallback;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    CellThreadGroup cell = CellThreadGroup.current();
    CellSink sink = cell == null ? null : cell.sink();
    if (sink == null) {
      fallback.write(b, off, len);
      return;
    }
    // PrintStream hands over whole encoded characters per call, so decoding per call is safe.
    String text = new String(b, off, len, StandardCharsets.UTF_8);
    if (stderr) {
      sink.stderr(text);
    } else {
      sink.stdout(text);
    }
  }

  @Override
  public void flush() {
    fallback.flush();
  }
}
