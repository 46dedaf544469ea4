package org.txlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraderArchiveTests {
  @TempDir Path dir;

  @Test
  void writesTheArchiveAtExitWhenThereIsNoneAndMapsItOnceSettled() throws Exception {
    Path jar = jar("grader.jar", null);
    GraderArchive archive = plan(jar.toString());
    Path dump = writeDump(archive, "archive");

    archive.settle(ExitCode.OK);

    Path kept = Path.of(option(plan(jar.toString()).options(), "-XX:SharedArchiveFile="));
    assertThat(kept).hasContent("archive");
    assertThat(dump).doesNotExist();
  }

  @Test
  void dropsTheArchiveOfARunThatDidNotGrade() throws Exception {
    Path jar = jar("grader.jar", null);
    GraderArchive archive = plan(jar.toString());
    Path dump = writeDump(archive, "half an archive");

    archive.settle(ExitCode.USAGE);

    assertThat(dump).doesNotExist();
    assertThat(plan(jar.toString()).options().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
  }

  @Test
  void aChangedJarOrManifestJarOrOptionGetsAnArchiveOfItsOwn() throws Exception {
    Files.createDirectories(dir.resolve("lib"));
    Path dependency = jar("lib/dep.jar", null);
    Path jar = jar("grader.jar", "lib/dep.jar");
    String before = archivePath(plan(jar.toString()));

    Files.setLastModifiedTime(dependency, FileTime.fromMillis(1_000_000));
    String afterDependency = archivePath(plan(jar.toString()));
    String otherOptions =
        archivePath(
            GraderArchive.plan(
                    List.of("java", "-Xmx1g"), jar.toString(), Optional.of(dir.resolve("cache")))
                .orElseThrow());

    assertThat(List.of(before, afterDependency, otherOptions)).doesNotHaveDuplicates();
  }

  @Test
  void noArchiveForAClassPathWithFoldersOrWithoutACache() throws Exception {
    Path jar = jar("grader.jar", null);
    Path classes = Files.createDirectories(dir.resolve("classes"));

    assertThat(
            GraderArchive.plan(
                List.of("java"),
                jar + File.pathSeparator + classes,
                Optional.of(dir.resolve("cache"))))
        .isEmpty();
    assertThat(GraderArchive.plan(List.of("java"), jar.toString(), Optional.empty())).isEmpty();
  }

  @Test
  void keepsTheArchiveInUseAndTheTwoUsedLast() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (int i = 0; i < 4; i++) {
      Path old = Files.writeString(cache.resolve("grader-00000000000000a" + i + ".jsa"), "old");
      Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    Path stale = Files.writeString(cache.resolve("grader-0000000000000000.1.tmp"), "cut short");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(1_000_000));
    Path jar = jar("grader.jar", null);
    GraderArchive archive = plan(jar.toString());
    writeDump(archive, "new");

    archive.settle(ExitCode.NEEDS_ATTENTION);

    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .hasSize(3)
          .contains("grader-00000000000000a2.jsa", "grader-00000000000000a3.jsa");
    }
  }

  private GraderArchive plan(String classpath) {
    return GraderArchive.plan(List.of("java", "-Xshare:auto"), classpath, Optional.of(cache()))
        .orElseThrow();
  }

  private Path cache() {
    try {
      return Files.createDirectories(dir.resolve("cache"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String archivePath(GraderArchive archive) {
    return archive
        .options()
        .get(0)
        .replaceFirst("^-XX:[A-Za-z]+=", "")
        .replaceFirst("\\.\\d+\\.tmp$", "");
  }

  /** Writes what the tuned JVM would dump at exit where the archive's options tell it to. */
  private static Path writeDump(GraderArchive archive, String content) throws Exception {
    Path dump = Path.of(option(archive.options(), "-XX:ArchiveClassesAtExit="));
    return Files.writeString(dump, content);
  }

  private static String option(List<String> options, String prefix) {
    return options.stream()
        .filter(o -> o.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in " + options))
        .substring(prefix.length());
  }

  private Path jar(String name, String classPath) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    Path jar = dir.resolve(name);
    // A manifest is all the archive's identity reads.
    new JarOutputStream(Files.newOutputStream(jar), manifest).close();
    return jar;
  }
}
