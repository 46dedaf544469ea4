package org.txlab.grader.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StarterTests {

  @Test
  void replacesAHintedRegionWithATodoStubThatThrows() {
    String source =
        """
        class A {
          int f() {
            // BEGIN SOLUTION place-order: implement f
            return 42;
            // END SOLUTION
          }
        }""";

    assertThat(Starter.strip(source, "A.java"))
        .isEqualTo(
            """
            class A {
              int f() {
                // TODO(place-order): implement f
                throw new UnsupportedOperationException("place-order: implement f");
              }
            }""");
  }

  @Test
  void removesABareRegion() {
    String source = "class A {\n  // BEGIN SOLUTION\n  void helper() {}\n  // END SOLUTION\n}";

    assertThat(Starter.strip(source, "A.java")).isEqualTo("class A {\n}");
  }

  @Test
  void rejectsUnbalancedMarkersWithTheLine() {
    assertThatThrownBy(() -> Starter.strip("a\n// END SOLUTION\n", "A.java"))
        .hasMessage("A.java:2: END SOLUTION without BEGIN");
    assertThatThrownBy(() -> Starter.strip("// BEGIN SOLUTION\n", "A.java"))
        .hasMessage("A.java: BEGIN SOLUTION is never closed");
  }

  @Test
  void theExerciseStarterKeepsOneTodoMarkerAndNoSolutionCode() throws Exception {
    Path reference = Path.of("../exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");
    String starter = Starter.strip(Files.readString(reference), "PlaceOrder.java");

    assertThat(starter.split("TODO\\(place-order\\)", -1)).hasSize(2);
    assertThat(starter).doesNotContain("BEGIN IMMEDIATE", "INSERT INTO", "SOLUTION");
  }

  @Test
  void theExerciseStarterCompiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path reference = Path.of("../exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(
        src.resolve("PlaceOrder.java"),
        Starter.strip(Files.readString(reference), "PlaceOrder.java"));

    SourceCompiler.Outcome out =
        SourceCompiler.compileWhatCompiles(src, dir.resolve("classes"), Duration.ofSeconds(60));

    assertThat(out.compiled()).as(out.errors()).isTrue();
    assertThat(dir.resolve("classes/org/txlab/exercises/PlaceOrder.class")).isRegularFile();
  }

  @Test
  void reportsJavacDiagnosticsWithFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("Broken.java"), "class Broken {\n  int x = ;\n}\n");

    // A relative source folder, as the CLI gets it from the command line.
    Path relative = Path.of("").toAbsolutePath().relativize(src);
    SourceCompiler.Outcome out =
        SourceCompiler.compileWhatCompiles(
            relative, dir.resolve("classes"), Duration.ofSeconds(60));

    assertThat(out.compiled()).isFalse();
    assertThat(out.errors()).startsWith("Broken.java:2: error:");
  }

  @Test
  void compilesTheFilesThatCompileWithoutTheBrokenOne(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("Broken.java"), "class Broken {\n  int x = ;\n}\n");
    Files.writeString(src.resolve("Fine.java"), "class Fine {}\n");

    SourceCompiler.Outcome out =
        SourceCompiler.compileWhatCompiles(src, dir.resolve("classes"), Duration.ofSeconds(60));

    assertThat(out.compiled()).isTrue();
    assertThat(out.leftOut()).containsExactly("Broken.java");
    assertThat(out.errors()).contains("Broken.java:2: error:");
    assertThat(dir.resolve("classes/Fine.class")).isRegularFile();
  }
}
