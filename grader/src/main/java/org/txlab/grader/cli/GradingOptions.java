package org.txlab.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.sandbox.SandboxConfig;
import picocli.CommandLine.Option;

/** The options every grading verb shares: which exercises, the sandbox, the test timeout. */
final class GradingOptions {
  @Option(
      names = {"-e", "--exercise"},
      paramLabel = "ID",
      description = "grade only this exercise (repeatable; default: all of them)")
  List<String> exercises = new ArrayList<>();

  @Option(
      names = "--no-sandbox",
      description = "run without bubblewrap even where it works (JVM-level limits only)")
  boolean noSandbox;

  @Option(
      names = "--test-timeout",
      paramLabel = "SECONDS",
      description = "how long one hidden test may run (default: ${DEFAULT-VALUE})")
  int testTimeout = 30;

  /** Returns the chosen exercises; throws with the known ids for an unknown one. */
  List<Exercise> chosen() {
    return exercises.isEmpty() ? Exercises.all() : exercises.stream().map(Exercises::get).toList();
  }

  SandboxConfig config() {
    return SandboxConfig.defaults()
        .withBwrap(!noSandbox)
        .withTestTimeout(Duration.ofSeconds(testTimeout));
  }

  /**
   * Sets grading up, with its cache (SQLite's native library, the submission JVMs' class-data
   * archive) in {@code -Dtxlab.cache}, else {@code $XDG_CACHE_HOME/txlab}, else {@code
   * ~/.cache/txlab}, else {@code fallback}.
   */
  Grading grading(List<Exercise> chosen, Path fallback) throws IOException {
    return new Grading(chosen, config(), cache(fallback), RuntimeClasspath.current());
  }

  private static Path cache(Path fallback) {
    return cacheDir().orElse(fallback);
  }

  /**
   * Returns the grader's cache folder ({@code -Dtxlab.cache}, else {@code $XDG_CACHE_HOME/txlab},
   * else {@code ~/.cache/txlab}), made if missing, or empty if it cannot be made or written.
   */
  static Optional<Path> cacheDir() {
    String property = System.getProperty("txlab.cache");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path dir =
        property != null
            ? Path.of(property)
            : xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "txlab")
                : Path.of(System.getProperty("user.home"), ".cache", "txlab");
    try {
      java.nio.file.Files.createDirectories(dir);
      return java.nio.file.Files.isWritable(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }
}
