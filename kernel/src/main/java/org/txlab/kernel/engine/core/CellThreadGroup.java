package org.txlab.kernel.engine.core;

/**
 * The threads of one cell: the cell's own thread and every thread it starts.
 *
 * <p>Output and stop requests are routed by thread group, so threads a cell starts print into that
 * cell and stop with it.
 */
final class CellThreadGroup extends ThreadGroup {

  private final CellSink sink;
  private volatile boolean open = true;
  private volatile boolean stopRequested;

  CellThreadGroup(String name, CellSink sink) {
    super(name);
    this.sink = sink;
  }

  CellSink sink() {
    return open ? sink : null;
  }

  /** Stops routing output here once the cell has finished. */
  void close() {
    open = false;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  void requestStop() {
    stopRequested = true;
  }

  Thread[] threads() {
    Thread[] threads = new Thread[activeCount() + 8];
    int n = enumerate(threads, true);
    return java.util.Arrays.copyOf(threads, n);
  }

  @Override
  @SuppressWarnings("removal") // ThreadDeath: what Thread.stop throws on JDK 19 and older
  public void uncaughtException(Thread t, Throwable e) {
    // A thread ended by an interrupt of its cell needs no stack trace on the kernel's stderr.
    if (!(e instanceof CellStopped) && !(e instanceof ThreadDeath)) {
      super.uncaughtException(t, e);
    }
  }

  static CellThreadGroup current() {
    for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
      if (g instanceof CellThreadGroup cell) {
        return cell;
      }
    }
    return null;
  }
}
