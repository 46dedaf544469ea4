package org.txlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged grader as an instructor runs it, {@code java -jar}: it grades in a tuned JVM of its
 * own, which writes the grader's class-data archive on the first run and maps it on the next.
 */
class JarLaunchIT {
  @TempDir Path dir;

  @Test
  void writesTheGradersArchiveOnceAndMapsItOnTheNextRun() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path hand = Files.createDirectories(dir.resolve("class/carla"));
    Files.copy(Path.of("../examples/sample-class/carla.java"), hand.resolve("PlaceOrder.java"));

    Run first = grade(cache, "first");
    assertThat(first.code).as(first.output).isZero();
    assertThat(archives(cache, ".jsa")).as(first.output).hasSize(1);
    assertThat(archives(cache, ".tmp")).isEmpty();
    assertThat(classLoads())
        .anyMatch(l -> l.contains("org.txlab.grader.batch.Grading source: file:"));

    Run second = grade(cache, "second");
    assertThat(second.code).as(second.output).isZero();
    assertThat(Files.readString(dir.resolve("second/gradebook.csv")))
        .isEqualTo(Files.readString(dir.resolve("first/gradebook.csv")));
    // The tuned JVM (the class-load log of the JVM that ran Main's grading) took the grader's
    // own classes from the archive.
    assertThat(classLoads())
        .anyMatch(l -> l.contains("org.txlab.grader.batch.Grading source: shared objects file"));
    assertThat(archives(cache, ".jsa")).hasSize(1);
  }

  @Test
  void keepsNoArchiveFromARunThatGradedNothing() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));

    Run run = launch(cache, "grade", dir.resolve("no-such-class").toString());

    assertThat(run.code).as(run.output).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(archives(cache, ".jsa")).isEmpty();
    assertThat(archives(cache, ".tmp")).isEmpty();
  }

  private Run grade(Path cache, String out) throws Exception {
    return launch(
        cache,
        "grade",
        dir.resolve("class").toString(),
        "-e",
        "place-order",
        "--out",
        dir.resolve(out).toString());
  }

  private Run launch(Path cache, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dtxlab.cache=" + cache);
    command.add("-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log"));
    command.addAll(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("launch.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("java -jar did not end in 5 minutes: " + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log));
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("grader-[^-]+.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-sources.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no grader jar in target/: run mvn package"));
    }
  }

  private static List<Path> archives(Path cache, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("grader-"))
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .toList();
    }
  }

  /** The class-load lines of the last run's tuned JVM (the one that graded); clears the logs. */
  private List<String> classLoads() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path l : logs.filter(f -> f.getFileName().toString().startsWith("classes-")).toList()) {
        List<String> all = Files.readAllLines(l);
        if (all.stream().anyMatch(s -> s.contains("org.txlab.grader.batch.Grading "))) {
          lines.addAll(all);
        }
        Files.delete(l);
      }
    }
    return lines;
  }

  private record Run(int code, String output) {}
}
