package org.txlab.grader.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expected files kept under {@code src/test/resources/golden}: a test compares what it produced
 * with them, byte for byte. After a deliberate change, {@code -Dgolden.update=true} rewrites them
 * from what the code now produces; review the diff before committing it.
 */
final class Golden {
  static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Compares one text with its golden file (or rewrites the file when updating). */
  static void matches(String actual, Path golden) throws IOException {
    if (updating()) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden file (make it with -Dgolden.update=true)").isRegularFile();
    assertThat(actual)
        .as("%s (after a deliberate change: -Dgolden.update=true, then review the diff)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** Compares a folder of produced files with a golden folder: the same names, the same bytes. */
  static void treeMatches(Path actual, Path golden) throws IOException {
    if (updating()) {
      deleteTree(golden);
    }
    List<String> names = relativeFiles(actual);
    for (String name : names) {
      matches(Files.readString(actual.resolve(name), StandardCharsets.UTF_8), golden.resolve(name));
    }
    assertThat(names).as("files written").isEqualTo(relativeFiles(golden));
  }

  private static List<String> relativeFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
