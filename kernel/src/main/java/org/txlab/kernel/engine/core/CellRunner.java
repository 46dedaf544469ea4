package org.txlab.kernel.engine.core;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs user code of a cell on a fresh thread and stops it on interrupt, escalating.
 *
 * <p>Escalation: (1) {@code Thread.interrupt} on every thread of the cell; (2) after the interrupt
 * grace, the woven loop checks throw {@link CellStopped}; (3) after half the stop grace, on JDK 19
 * and older, {@code Thread.stop}; (4) after the stop grace the cell is reported stopped and its
 * threads are abandoned (only code outside the cell, such as a library loop, can get there).
 */
final class CellRunner {

  /** Why {@link #run} did not return a value. */
  enum Outcome {
    NONE,
    INTERRUPTED,
    ABANDONED
  }

  private static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;

  private final Duration interruptGrace;
  private final Duration stopGrace;
  private final ClassLoader contextLoader;
  private final ScheduledExecutorService timer;
  private volatile boolean pendingInterrupt;
  private volatile Outcome outcome = Outcome.NONE;
  private volatile CellThreadGroup group;
  private volatile CompletableFuture<Object> running;
  private boolean cellActive;
  private int threads;

  CellRunner(Duration interruptGrace, Duration stopGrace, ClassLoader contextLoader) {
    this.interruptGrace = interruptGrace;
    this.stopGrace = stopGrace;
    this.contextLoader = contextLoader;
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "txlab-interrupt-timer");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.timer = executor;
  }

  /** Starts a cell: forgets earlier interrupts and routes output to {@code sink}. */
  synchronized void beginCell(String name, CellSink sink) {
    pendingInterrupt = false;
    outcome = Outcome.NONE;
    group = new CellThreadGroup(name, sink);
    cellActive = true;
  }

  /** Ends a cell: its threads print nowhere from now on. */
  synchronized void endCell() {
    cellActive = false;
    if (group != null) {
      group.close();
    }
  }

  boolean interruptPending() {
    return pendingInterrupt;
  }

  Outcome outcome() {
    return outcome;
  }

  /**
   * Runs user code on a new thread of the cell and waits for it.
   *
   * @return the code's value
   * @throws InterruptedForStop if the cell was interrupted before or while running
   * @throws ExecutionException with the code's own exception
   */
  Object run(Callable<Object> code) throws ExecutionException, InterruptedForStop {
    CompletableFuture<Object> done = new CompletableFuture<>();
    synchronized (this) {
      if (pendingInterrupt) {
        outcome = Outcome.INTERRUPTED;
        throw new InterruptedForStop();
      }
      Thread t =
          new Thread(
              group,
              () -> {
                try {
                  done.complete(code.call());
                } catch (Throwable e) {
                  done.completeExceptionally(e);
                }
              },
              group.getName() + "-" + (++threads));
      t.setContextClassLoader(contextLoader);
      running = done;
      t.start();
    }
    try {
      return awaitCell(done);
    } catch (ExecutionException e) {
      if (outcome != Outcome.NONE
          && (e.getCause() instanceof CellStopped || e.getCause() instanceof ThreadDeath)) {
        throw new InterruptedForStop();
      }
      if (e.getCause() instanceof InterruptedForStop stop) {
        throw stop;
      }
      throw e;
    } finally {
      synchronized (this) {
        running = null;
      }
    }
  }

  /** Waits for the cell; interrupting the waiting thread interrupts the cell. */
  private Object awaitCell(CompletableFuture<Object> done) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
          interrupt();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Interrupts the current cell: its threads now, its next snippet before it starts (the cell may
   * still be compiling), and escalates on every thread of the cell that does not stop.
   */
  synchronized void interrupt() {
    if (!cellActive) {
      return;
    }
    pendingInterrupt = true;
    outcome = Outcome.INTERRUPTED;
    CellThreadGroup target = group;
    CompletableFuture<Object> done = running;
    for (Thread t : target.threads()) {
      t.interrupt();
    }
    schedule(interruptGrace, () -> weaveStop(target, done));
  }

  private void weaveStop(CellThreadGroup target, CompletableFuture<Object> done) {
    if (!alive(target)) {
      return;
    }
    target.requestStop();
    Stops.stopping(true);
    releaseWhenDead(target);
    for (Thread t : target.threads()) {
      t.interrupt();
    }
    schedule(stopGrace.dividedBy(2), () -> threadStop(target, done));
  }

  /** Keeps the woven checks armed until every thread of the stopped cell has ended. */
  private void releaseWhenDead(CellThreadGroup target) {
    if (alive(target)) {
      schedule(Duration.ofMillis(100), () -> releaseWhenDead(target));
    } else {
      Stops.stopping(false);
    }
  }

  private static boolean alive(CellThreadGroup target) {
    return target.threads().length > 0;
  }

  @SuppressWarnings("deprecation") // Thread.stop: the last resort that JDK 19 and older still have
  private void threadStop(CellThreadGroup target, CompletableFuture<Object> done) {
    if (!alive(target)) {
      return;
    }
    if (THREAD_STOP_WORKS) {
      for (Thread t : target.threads()) {
        try {
          t.stop();
        } catch (UnsupportedOperationException e) {
          break;
        }
      }
    }
    schedule(stopGrace.dividedBy(2), () -> abandon(done));
  }

  private void abandon(CompletableFuture<Object> done) {
    if (done != null && !done.isDone()) {
      outcome = Outcome.ABANDONED;
      done.completeExceptionally(new InterruptedForStop());
    }
  }

  private void schedule(Duration delay, Runnable action) {
    timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  void close() {
    timer.shutdownNow();
  }

  /** The cell was stopped; JShell is told {@code StoppedException}. */
  static final class InterruptedForStop extends Exception {
    private static final long serialVersionUID = 1L;

    InterruptedForStop() {
      super("interrupted", null, false, false);
    }
  }
}
