package org.txlab.course.process;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a short-lived child JVM: the running JVM's {@code java}, flags that start
 * fast (C1 only, serial GC, no perf data, class data sharing), a heap cap, system properties, a
 * classpath, the main class and its arguments.
 */
public final class JvmCommand {
  private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final String mainClass;
  private final List<String> classpath = new ArrayList<>();
  private final List<String> options = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private int heapMb = 128;

  private JvmCommand(String mainClass) {
    this.mainClass = mainClass;
  }

  /**
   * Starts describing a JVM that runs {@code mainClass}.
   *
   * @param mainClass a class with a {@code main} method, on the classpath given later
   * @return the description
   */
  public static JvmCommand of(String mainClass) {
    return new JvmCommand(mainClass);
  }

  /**
   * Uses another {@code java} executable (e.g. the path it has inside a sandbox).
   *
   * @param executable the executable's path
   * @return this
   */
  public JvmCommand java(String executable) {
    this.java = executable;
    return this;
  }

  /**
   * Appends classpath entries, as the child will see them; duplicates are dropped.
   *
   * @param entries jars or directories
   * @return this
   */
  public JvmCommand classpath(List<String> entries) {
    for (String e : entries) {
      if (!classpath.contains(e)) {
        classpath.add(e);
      }
    }
    return this;
  }

  /**
   * Sets the maximum heap.
   *
   * @param mb megabytes
   * @return this
   */
  public JvmCommand heapMb(int mb) {
    this.heapMb = mb;
    return this;
  }

  /**
   * Adds a raw JVM option such as {@code -XX:+DisableAttachMechanism}.
   *
   * @param option the option
   * @return this
   */
  public JvmCommand option(String option) {
    options.add(option);
    return this;
  }

  /**
   * Sets a system property.
   *
   * @param key the property
   * @param value its value
   * @return this
   */
  public JvmCommand property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /**
   * Replaces the program arguments.
   *
   * @param values the arguments
   * @return this
   */
  public JvmCommand args(List<String> values) {
    args.clear();
    args.addAll(values);
    return this;
  }

  /** Returns the command line. */
  public List<String> build() {
    List<String> command = new ArrayList<>();
    command.add(java);
    // These children live for seconds: C1 and the serial GC start quickest.
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xshare:auto",
            "-Xmx" + heapMb + "m"));
    command.addAll(options);
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(String.join(System.getProperty("path.separator"), classpath));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Returns where a class was loaded from: its jar or classes directory.
   *
   * @param type a class loaded from a file
   * @return the jar or directory
   */
  public static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException(type.getName() + " was not loaded from a file", e);
    }
  }
}
