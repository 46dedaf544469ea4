package org.txlab.course.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A started child process whose output cannot overwhelm its parent: fd 1 is read as bounded lines
 * into a bounded queue (the parent takes them with {@link #next}), fd 2 is counted and only its
 * start kept; going over either cap kills the whole process tree and is reported as a flood.
 */
public final class ChildProcess implements AutoCloseable {

  /**
   * What a child may make its parent read and hold.
   *
   * @param maxLineBytes the longest line on fd 1 kept whole
   * @param maxStdoutBytes the most fd 1 may carry in all
   * @param maxStderrBytes the most fd 2 may carry in all
   * @param keptStderrChars how much of fd 2's start is kept for messages
   */
  public record Limits(
      int maxLineBytes, long maxStdoutBytes, long maxStderrBytes, int keptStderrChars) {

    /** Limits for trusted children that talk a lot: 1 MB lines, 256 MB per stream. */
    public static Limits generous() {
      return new Limits(1 << 20, 256L << 20, 256L << 20, 8000);
    }
  }

  private static final int QUEUE_LINES = 4096;

  private final String name;
  private final Process process;
  private final Limits limits;
  private final BlockingQueue<BoundedLines.Item> lines = new ArrayBlockingQueue<>(QUEUE_LINES);
  private final StringBuilder stderr = new StringBuilder();
  private final StringBuilder stderrTail = new StringBuilder();
  private final AtomicLong stderrBytes = new AtomicLong();
  private final AtomicBoolean flooded = new AtomicBoolean();
  private final Thread stderrReader;
  private final OutputStream stdin;
  private volatile BoundedLines.Item last;

  private ChildProcess(String name, Process process, Limits limits) {
    this.name = name;
    this.process = process;
    this.limits = limits;
    this.stdin = process.getOutputStream();
    daemon(name + "-out", this::readStdout).start();
    this.stderrReader = daemon(name + "-err", this::readStderr);
    stderrReader.start();
  }

  /**
   * Starts a process.
   *
   * @param command the command line
   * @param limits what its output may be
   * @param name how threads and messages name it
   * @return the running child; close it to make sure its tree is gone
   * @throws UncheckedIOException if it cannot be started
   */
  public static ChildProcess start(List<String> command, Limits limits, String name) {
    try {
      return new ChildProcess(name, new ProcessBuilder(command).start(), limits);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits for the next item from fd 1. After {@link BoundedLines.End} or {@link
   * BoundedLines.Overflow}, every further call returns that item again at once.
   *
   * @param timeout how long to wait
   * @return the item, or {@code null} if none came in time
   * @throws InterruptedException if interrupted
   */
  public BoundedLines.Item next(Duration timeout) throws InterruptedException {
    BoundedLines.Item end = last;
    if (end != null && lines.isEmpty()) {
      return end;
    }
    BoundedLines.Item item = lines.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    if (item instanceof BoundedLines.End || item instanceof BoundedLines.Overflow) {
      last = item;
    }
    return item;
  }

  /**
   * Writes one line to the child's stdin.
   *
   * @param line the line, without its line break
   * @throws IOException if the child no longer reads
   */
  public void send(String line) throws IOException {
    synchronized (stdin) {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
  }

  /** Closes the child's stdin. */
  public void closeStdin() {
    try {
      stdin.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  /** Tells whether the child went over an output cap (and was killed for it). */
  public boolean flooded() {
    return flooded.get();
  }

  /** Returns the start of what the child wrote on fd 2. */
  public String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  /** Returns the end of what the child wrote on fd 2 (at most the kept length). */
  public String stderrTail() {
    synchronized (stderr) {
      return stderrTail.toString();
    }
  }

  /**
   * Waits (briefly) for fd 2 to be read to its end, then returns its start: what a dead child said.
   *
   * @param wait how long to wait for the reader
   * @return the start of fd 2
   */
  public String stderrAfterExit(Duration wait) {
    try {
      stderrReader.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return stderr();
  }

  /** Returns the child's process handle. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Tells whether the child still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Returns the name given at start. */
  public String name() {
    return name;
  }

  /** Kills the child's whole process tree with SIGKILL; its output can still be read. */
  public void kill() {
    ProcessTree.kill(process.toHandle());
  }

  /**
   * Waits for the child to exit.
   *
   * @param timeout how long
   * @return the exit code (137 after SIGKILL), or -1 if it still runs
   */
  public int awaitExit(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  /** Kills the child if it still runs and waits for it. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    awaitExit(Duration.ofSeconds(10));
    closeStdin();
  }

  private void readStdout() {
    new BoundedLines(limits.maxLineBytes(), limits.maxStdoutBytes())
        .read(
            process.getInputStream(),
            item -> {
              if (item instanceof BoundedLines.Overflow) {
                flood();
              }
              try {
                lines.put(item);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  private void readStderr() {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getErrorStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (stderr) {
          String s = new String(buffer, 0, n, StandardCharsets.UTF_8);
          if (stderr.length() < limits.keptStderrChars()) {
            stderr.append(s, 0, Math.min(s.length(), limits.keptStderrChars() - stderr.length()));
          }
          stderrTail.append(s);
          if (stderrTail.length() > 2 * limits.keptStderrChars()) {
            stderrTail.delete(0, stderrTail.length() - limits.keptStderrChars());
          }
        }
        if (stderrBytes.addAndGet(n) > limits.maxStderrBytes()) {
          flood();
          return;
        }
      }
    } catch (IOException e) {
      // Closed with the child.
    }
  }

  private void flood() {
    if (!flooded.getAndSet(true)) {
      kill();
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }
}
