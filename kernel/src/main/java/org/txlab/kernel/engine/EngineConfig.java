package org.txlab.kernel.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every knob of an {@link Engine}.
 *
 * @param classpath extra jars or class directories available from the start; never {@code null}
 * @param interruptGrace how long an interrupted cell may take to stop on its own before the engine
 *     stops it by force; never {@code null}
 * @param stopGrace how long a forced stop may take before the cell's threads are abandoned (and the
 *     cell reported as needing a kernel restart); never {@code null}
 * @param startupImports import statements run when the session starts; never {@code null}
 * @param mavenRepository the local Maven repository that {@code %maven} reads; never {@code null}
 */
public record EngineConfig(
    List<Path> classpath,
    Duration interruptGrace,
    Duration stopGrace,
    List<String> startupImports,
    Path mavenRepository) {

  /** Imports every session starts with: the notebook helpers and the course library. */
  public static final List<String> DEFAULT_IMPORTS =
      List.of(
          "import java.util.*;",
          "import java.io.*;",
          "import java.nio.file.*;",
          "import java.sql.*;",
          "import java.time.*;",
          "import java.util.concurrent.*;",
          "import java.util.function.*;",
          "import java.util.stream.*;",
          "import org.txlab.course.*;",
          "import static org.txlab.kernel.engine.Notebook.*;");

  /** Validates and copies the lists. */
  public EngineConfig {
    classpath = List.copyOf(classpath);
    startupImports = List.copyOf(startupImports);
    if (interruptGrace.isNegative() || stopGrace.isNegative()) {
      throw new IllegalArgumentException(
          "grace periods must not be negative: " + interruptGrace + ", " + stopGrace);
    }
  }

  /**
   * Returns the configuration the kernel uses.
   *
   * @return defaults: no extra classpath, 100 ms interrupt grace, 1 s stop grace, {@link
   *     #DEFAULT_IMPORTS}, {@code ~/.m2/repository} (or {@code $TXLAB_M2_REPO})
   */
  public static EngineConfig defaults() {
    String repo = System.getenv("TXLAB_M2_REPO");
    Path m2 =
        repo != null && !repo.isBlank()
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    return new EngineConfig(
        List.of(), Duration.ofMillis(100), Duration.ofSeconds(1), DEFAULT_IMPORTS, m2);
  }

  /**
   * Returns a copy with another local Maven repository.
   *
   * @param repository the repository root; never {@code null}
   * @return the new configuration
   */
  public EngineConfig withMavenRepository(Path repository) {
    return new EngineConfig(classpath, interruptGrace, stopGrace, startupImports, repository);
  }

  /**
   * Returns a copy with other grace periods.
   *
   * @param interrupt see {@link #interruptGrace()}; never {@code null}
   * @param stop see {@link #stopGrace()}; never {@code null}
   * @return the new configuration
   */
  public EngineConfig withGrace(Duration interrupt, Duration stop) {
    return new EngineConfig(classpath, interrupt, stop, startupImports, mavenRepository);
  }
}
