package org.txlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key is used: a key nobody names is a message that can never be read. */
class BundleKeysTests {
  @Test
  void everyGraderMessageIsNamedByTheGradersCode() throws IOException {
    String code = sources(Path.of("src/main/java"));
    try (Stream<Path> bundles = Files.walk(Path.of("src/main/resources"))) {
      for (Path bundle :
          bundles.filter(p -> p.toString().endsWith("feedback.properties")).toList()) {
        assertThat(unused(bundle, code, List.of())).as("unused keys in " + bundle).isEmpty();
      }
    }
  }

  @Test
  void everyCourseMessageIsNamedByTheCoursesCode() throws IOException {
    String code = sources(Path.of("../course/src/main/java"));
    Path bundle = Path.of("../course/src/main/resources/org/txlab/course/messages.properties");
    // Keys built from a name at run time: a quiz question's id, a rival's outcome.
    assertThat(unused(bundle, code, List.of("quiz.", "selfcheck.rival.")))
        .as("unused keys in " + bundle)
        .isEmpty();
  }

  private static List<String> unused(Path bundle, String code, List<String> dynamic)
      throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p.stringPropertyNames().stream()
        .filter(k -> dynamic.stream().noneMatch(k::startsWith))
        .filter(k -> !code.contains("\"" + k + "\""))
        .sorted()
        .toList();
  }

  private static String sources(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }
}
