package org.txlab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.txlab.course.process.BoundedLines;
import org.txlab.course.process.ChildProcess;
import org.txlab.course.process.JvmCommand;
import org.txlab.course.process.LineCodec;

/**
 * A real child JVM running a scenario, which the parent can stop at a named kill point with
 * SIGKILL.
 *
 * <p>The child talks to the parent through {@link Child}: lines on its stdout that start with a
 * marker. Everything else the child prints is kept as its output. For example, crash a child
 * between the flat-file store's two appends:
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.builder(FlatFileProcess.class.getName())
 *     .args(dir.toString(), "append", "7", "3", "1", "1")
 *     .killAt("between-appends")
 *     .start()) {
 *   child.awaitKillPoint(Duration.ofSeconds(20));
 *   child.kill();
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final int STDERR_TAIL = 2000;
  private static final int KEPT_OUTPUT_LINES = 10_000;

  /**
   * One signal from the child.
   *
   * @param kind the signal's kind, e.g. {@link Child#RESULT}
   * @param payload its text
   */
  public record Signal(String kind, String payload) {}

  private final String name;
  private final ChildProcess process;
  private final List<String> output = new ArrayList<>();

  private ChildJvm(String name, ChildProcess process) {
    this.name = name;
    this.process = process;
  }

  /**
   * Starts describing a child that runs {@code mainClass}.
   *
   * @param mainClass the fully qualified name of a class with a {@code main} method
   * @return a builder
   */
  public static Builder builder(String mainClass) {
    return new Builder(mainClass);
  }

  /** Describes a child JVM before it starts. */
  public static final class Builder {
    private final String mainClass;
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String label;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
      classpath.add(codeSource(Child.class));
      classpath.add(codeSource(org.sqlite.JDBC.class));
    }

    /**
     * Adds classpath entries after the course library and sqlite-jdbc.
     *
     * @param entries directories or jars
     * @return this builder
     */
    public Builder classpath(List<Path> entries) {
      classpath.addAll(entries);
      return this;
    }

    /**
     * Sets the program arguments.
     *
     * @param values the arguments
     * @return this builder
     */
    public Builder args(String... values) {
      args.clear();
      args.addAll(List.of(values));
      return this;
    }

    /**
     * Sets a system property in the child.
     *
     * @param key the property
     * @param value its value
     * @return this builder
     */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /**
     * Arms a kill point: the child parks there and reports it (see {@link Child#killPoint}).
     *
     * @param killPoint the point's name
     * @return this builder
     */
    public Builder killAt(String killPoint) {
      return property(Child.KILL_POINT_PROPERTY, killPoint);
    }

    /**
     * Makes the child report ready and wait for {@link ChildJvm#go()} before its scenario runs.
     *
     * @return this builder
     */
    public Builder barrier() {
      return property(Child.BARRIER_PROPERTY, "true");
    }

    /**
     * Names the child in messages.
     *
     * @param value a short label
     * @return this builder
     */
    public Builder label(String value) {
      label = value;
      return this;
    }

    /**
     * Starts the child.
     *
     * @return the running child; close it to make sure it is gone
     * @throws UncheckedIOException if the JVM cannot be started
     */
    public ChildJvm start() {
      JvmCommand command =
          JvmCommand.of(mainClass)
              .classpath(classpath.stream().map(Path::toString).toList())
              .args(args);
      properties.forEach(command::property);
      String name =
          (label != null ? label : mainClass.substring(mainClass.lastIndexOf('.') + 1))
              + "#"
              + COUNTER.incrementAndGet();
      return new ChildJvm(
          name, ChildProcess.start(command.build(), ChildProcess.Limits.generous(), name));
    }
  }

  /**
   * Returns where a class was loaded from: its jar or classes directory.
   *
   * @param type a class loaded from a file
   * @return the jar or directory
   */
  public static Path codeSource(Class<?> type) {
    return JvmCommand.codeSource(type);
  }

  /**
   * Returns the classpath entries a child JVM needs to load a class, beyond the course library and
   * sqlite-jdbc: for a class a notebook cell declared, every cell class written under {@code dir}
   * plus the kernel's runtime; else the class's own jar or folder.
   *
   * @param type the class the child runs
   * @param dir a scratch folder to write cell classes to
   * @return the entries
   */
  public static List<Path> classpathOf(Class<?> type, Path dir) {
    if (type.getClassLoader() instanceof CellClasses cells) {
      Path out = dir.resolve("cell-classes");
      try {
        for (Map.Entry<String, byte[]> c : cells.classFiles().entrySet()) {
          Path file = out.resolve(c.getKey().replace('.', '/') + ".class");
          Files.createDirectories(file.getParent());
          Files.write(file, c.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Path> entries = new ArrayList<>(List.of(out));
      entries.addAll(cells.runtime());
      return entries;
    }
    return List.of(codeSource(type));
  }

  /**
   * Waits for the next signal.
   *
   * @param timeout how long to wait
   * @return the signal
   * @throws ChildJvmException if the child exits or the time runs out first
   */
  public Signal next(Duration timeout) {
    return next(timeout, "its next signal");
  }

  private Signal next(Duration timeout, String waitingFor) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      BoundedLines.Item item;
      try {
        item = process.next(Duration.ofNanos(deadline - System.nanoTime()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChildJvmException(name + ": interrupted while waiting for " + waitingFor);
      }
      if (item == null) {
        throw new ChildJvmException(
            Messages.get("child.timeout", name, waitingFor, timeout.toMillis(), stderrTail()));
      }
      if (!(item instanceof BoundedLines.Line line)) {
        int code = process.awaitExit(Duration.ofSeconds(5));
        throw new ChildJvmException(
            Messages.get("child.died", name, code, waitingFor, stderrTail()));
      }
      if (line.text().startsWith(Child.MARK)) {
        List<String> fields = LineCodec.split(line.text().substring(Child.MARK.length()));
        return new Signal(fields.get(0), fields.size() > 1 ? fields.get(1) : "");
      }
      synchronized (output) {
        if (output.size() < KEPT_OUTPUT_LINES) {
          output.add(line.text());
        }
      }
    }
  }

  /**
   * Waits for a signal of one kind; any other signal first is an error.
   *
   * @param kind the kind to wait for
   * @param timeout how long to wait
   * @return its payload
   * @throws ChildJvmException if the child exits, times out or sends another kind first
   */
  public String await(String kind, Duration timeout) {
    Signal signal = next(timeout, "'" + kind + "'");
    if (!signal.kind().equals(kind)) {
      throw new ChildJvmException(
          Messages.get("child.unexpected", name, signal.kind(), signal.payload(), kind));
    }
    return signal.payload();
  }

  /**
   * Waits until the child parks at its armed kill point.
   *
   * @param timeout how long to wait
   * @return the kill point's name
   */
  public String awaitKillPoint(Duration timeout) {
    return await(Child.KILL_POINT, timeout);
  }

  /**
   * Waits for the scenario's end: a {@link Child#RESULT} or {@link Child#ERROR} signal.
   *
   * @param timeout how long to wait
   * @return the signal
   */
  public Signal awaitOutcome(Duration timeout) {
    while (true) {
      Signal signal = next(timeout, "the scenario's result");
      if (signal.kind().equals(Child.RESULT) || signal.kind().equals(Child.ERROR)) {
        return signal;
      }
    }
  }

  /** Releases a child waiting at its start barrier. */
  public void go() {
    try {
      process.send("go");
    } catch (IOException e) {
      throw new ChildJvmException(name + ": cannot send 'go': " + e.getMessage());
    }
  }

  /** Kills the child with SIGKILL and waits until it is gone. */
  public void kill() {
    process.kill();
    awaitExit(Duration.ofSeconds(10));
  }

  /**
   * Waits for the child to exit.
   *
   * @param timeout how long to wait
   * @return its exit code; 137 after SIGKILL
   */
  public int awaitExit(Duration timeout) {
    int code = process.awaitExit(timeout);
    if (code == -1 && process.isAlive()) {
      throw new ChildJvmException(name + " did not exit within " + timeout.toMillis() + " ms");
    }
    return code;
  }

  /** Returns the child's name in messages, e.g. {@code PlaceOrderProcess#3}. */
  public String name() {
    return name;
  }

  /** Returns the lines the child printed that were not signals, so far. */
  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** Returns the end of what the child printed on stderr, so far. */
  public String stderrTail() {
    String all = process.stderrTail();
    return all.substring(Math.max(0, all.length() - STDERR_TAIL));
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    process.close();
  }
}
