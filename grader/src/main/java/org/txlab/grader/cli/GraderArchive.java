package org.txlab.grader.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.txlab.grader.judge.CachedArchives;
import org.txlab.grader.judge.Hashes;

/**
 * The tuned grader JVM's class-data archive (AppCDS), kept in the grader's cache. A grading verb
 * loads about 5,000 classes (javac, JUnit, the hidden tests, SQLite's driver): mapped from an
 * archive they start the grader about half a second sooner, which is what one hand-in graded alone
 * (Gradescope's case) waits for. The first run on a machine writes the archive when it exits (about
 * 1.5 s more, once); later runs with the same JVM, options and jars map it.
 */
final class GraderArchive {
  /** Exits after which the run loaded what grading loads: only those write the archive. */
  private static final Set<Integer> GRADED =
      Set.of(ExitCode.OK, ExitCode.VALIDATION_FAILED, ExitCode.NEEDS_ATTENTION);

  /** Archives of other grader builds kept beside the one in use (each is about 20 MB). */
  private static final int KEPT = 2;

  private static final String PREFIX = "grader-";
  private static final String SUFFIX = ".jsa";

  private final Path target;
  private final Path dump;

  private GraderArchive(Path target, Path dump) {
    this.target = target;
    this.dump = dump;
  }

  /**
   * Plans the archive for a JVM started with these options and this class path.
   *
   * @param jvmArgs the tuned JVM's options (part of the archive's identity)
   * @param classpath the tuned JVM's class path
   * @param cache the grader's cache folder, if it has a writable one
   * @return the plan, or empty where no archive can serve (a class path with folders, as in a
   *     development build, which CDS refuses; no cache)
   */
  static Optional<GraderArchive> plan(
      List<String> jvmArgs, String classpath, Optional<Path> cache) {
    if (cache.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder();
    key.append(System.getProperty("java.home")).append('\n');
    key.append(System.getProperty("java.vm.version")).append('\n');
    jvmArgs.forEach(a -> key.append(a).append('\n'));
    try {
      for (Path jar : jars(classpath)) {
        if (!Files.isRegularFile(jar)) {
          return Optional.empty();
        }
        // The JVM checks the same (path, size, time) when it maps the archive.
        key.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ');
        key.append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    String hash = Hashes.sha256(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path target = cache.get().resolve(PREFIX + hash + SUFFIX);
    Path dump = cache.get().resolve(PREFIX + hash + "." + ProcessHandle.current().pid() + ".tmp");
    return Optional.of(new GraderArchive(target, dump));
  }

  /** The class path's jars, with those their manifests add ({@code Class-Path}), in order. */
  private static List<Path> jars(String classpath) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      jars.add(jar);
      if (!Files.isRegularFile(jar)) {
        continue;
      }
      try (JarFile file = new JarFile(jar.toFile())) {
        String more =
            file.getManifest() == null
                ? null
                : file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (more != null) {
          for (String relative : more.trim().split("\\s+")) {
            jars.add(jar.toAbsolutePath().getParent().resolve(relative));
          }
        }
      }
    }
    return jars;
  }

  /**
   * Returns the options that map the archive, or that write it at exit when there is none yet.
   * CDS's own messages are off: an archive that does not fit is only slower, never wrong.
   *
   * @return the JVM options
   */
  List<String> options() {
    if (Files.isRegularFile(target)) {
      CachedArchives.markUsed(target);
      return List.of("-XX:SharedArchiveFile=" + target, "-Xlog:cds*=off");
    }
    return List.of("-XX:ArchiveClassesAtExit=" + dump, "-Xlog:cds*=off");
  }

  /**
   * After the tuned JVM exited: keeps the archive it wrote if the run graded (a usage error loads
   * too little to be worth mapping), drops it otherwise, and prunes other builds' archives.
   *
   * @param exitCode the tuned JVM's exit code
   */
  void settle(int exitCode) {
    try {
      if (GRADED.contains(exitCode) && Files.isRegularFile(dump) && Files.size(dump) > 0) {
        dump.toFile().setReadable(true, false);
        Files.move(
            dump, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        prune();
      }
    } catch (IOException e) {
      // Without the archive the next run is only slower.
    } finally {
      try {
        Files.deleteIfExists(dump);
      } catch (IOException e) {
        // Pruning removes it later.
      }
    }
  }

  private void prune() throws IOException {
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    try (Stream<Path> files = Files.list(target.getParent())) {
      // Left by a run killed before it could settle; a run still writing its own is younger.
      for (Path f :
          files.filter(f -> f.getFileName().toString().matches("grader-.*\\.tmp")).toList()) {
        if (f.toFile().lastModified() < hourAgo) {
          Files.deleteIfExists(f);
        }
      }
    }
    CachedArchives.prune(target, "grader-[0-9a-f]+\\.jsa", KEPT);
  }
}
