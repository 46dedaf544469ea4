package org.txlab.kernel.jupyter;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.txlab.kernel.engine.CellOutput;
import org.txlab.kernel.engine.MimeBundle;

/**
 * Streams a cell's output to Jupyter in batches: at most one stream message per stream every
 * {@value #FLUSH_MS} ms, and always before a display and at the end of the cell.
 */
final class OutputBatcher implements CellOutput {

  static final long FLUSH_MS = 50;
  private static final int MAX_BUFFER = 64 * 1024;

  private final Publisher publisher;
  private final ScheduledExecutorService timer;
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private ScheduledFuture<?> pending;

  OutputBatcher(Publisher publisher, ScheduledExecutorService timer) {
    this.publisher = publisher;
    this.timer = timer;
  }

  @Override
  public void stdout(String text) {
    append(out, text);
  }

  @Override
  public void stderr(String text) {
    append(err, text);
  }

  @Override
  public synchronized void display(MimeBundle bundle) {
    flush();
    publisher.display(bundle);
  }

  @Override
  public synchronized void clearOutput(boolean wait) {
    flush();
    publisher.clearOutput(wait);
  }

  private synchronized void append(StringBuilder buffer, String text) {
    buffer.append(text);
    if (buffer.length() >= MAX_BUFFER) {
      flush();
    } else if (pending == null) {
      pending = timer.schedule(this::flush, FLUSH_MS, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends what is buffered; called by the timer, before displays and at the end of the cell. */
  synchronized void flush() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    if (out.length() > 0) {
      publisher.stream(PublishStream.StreamType.OUT, out.toString());
      out.setLength(0);
    }
    if (err.length() > 0) {
      publisher.stream(PublishStream.StreamType.ERR, err.toString());
      err.setLength(0);
    }
  }
}
