package org.txlab.grader.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs the grading verbs in a JVM tuned for them. A batch is mostly cold code (javac, the hidden
 * tests, JSON) run a few hundred times: the default JVM spends about half the grader's CPU
 * compiling it a second time with C2 for a peak the batch never reaches (bench/README.md has the
 * numbers). {@code java -jar} cannot choose JVM options, so the grader starts its own JVM once,
 * with C1 only and the serial collector, and waits for it. {@code TXLAB_JVM_TUNING=off} or any
 * explicit {@code -XX:TieredStopAtLevel} keeps the JVM it was given. The tuned JVM maps a
 * class-data archive of the grader's classes ({@link GraderArchive}).
 */
final class Relaunch {
  private static final Set<String> TUNED_VERBS = Set.of("grade", "validate", "gradescope");
  private static final String MARK = "txlab.tunedJvm";

  private Relaunch() {}

  /**
   * Runs {@code args} in a tuned JVM if they name a grading verb and this JVM is not tuned yet.
   *
   * @param args the command line
   * @return the tuned JVM's exit code, or empty to run here
   */
  static OptionalInt inTunedJvm(String... args) {
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (args.length == 0
        || !TUNED_VERBS.contains(args[0])
        || Boolean.getBoolean(MARK)
        || "off".equals(System.getenv("TXLAB_JVM_TUNING"))
        || jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))
        || jvmArgs.stream()
            .anyMatch(a -> a.startsWith("-agentlib") || a.startsWith("-javaagent"))) {
      return OptionalInt.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-D" + MARK + "=true"));
    String classpath = System.getProperty("java.class.path");
    Optional<GraderArchive> archive =
        GraderArchive.plan(List.copyOf(command), classpath, GradingOptions.cacheDir());
    archive.ifPresent(a -> command.addAll(a.options()));
    command.addAll(List.of("-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      // Grading still works in this JVM, only slower.
      return OptionalInt.empty();
    }
    Thread stop =
        new Thread(
            () -> {
              stopChild(child);
              // A stopped run's archive may be cut short: never keep it.
              archive.ifPresent(a -> a.settle(ExitCode.INTERNAL));
            },
            "stop-tuned-jvm");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        archive.ifPresent(a -> a.settle(code));
        return OptionalInt.of(code);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopChild(child);
      } catch (IllegalStateException shuttingDown) {
        return OptionalInt.of(ExitCode.INTERNAL);
      }
    }
  }

  /** The grader was stopped (Ctrl-C, a kill): stop the tuned JVM too, which cleans up. */
  private static void stopChild(Process child) {
    child.destroy();
    try {
      if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
    }
  }
}
