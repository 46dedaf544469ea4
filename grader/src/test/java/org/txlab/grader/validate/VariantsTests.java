package org.txlab.grader.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;

/** Variants as small edits: of the reference, or of an honest solution, honest or buggy. */
class VariantsTests {
  private static final Exercise EXERCISE = Exercises.get("place-order");

  @TempDir Path repo;
  @TempDir Path work;

  private Path fixtures;

  @BeforeEach
  void aRepositoryWithAReferenceAndOneHonestSolution() throws IOException {
    Path reference = repo.resolve(EXERCISE.reference());
    Files.createDirectories(reference.getParent());
    Files.writeString(
        reference,
        "class PlaceOrder {\n  // BEGIN SOLUTION place-order: x\n  int stock = 1;\n"
            + "  // END SOLUTION\n}\n");
    fixtures = repo.resolve(EXERCISE.variants());
    Path honest = Files.createDirectories(fixtures.resolve("honest/plain"));
    Files.writeString(honest.resolve("PlaceOrder.java"), "// plain\nclass PlaceOrder { int a; }\n");
    Files.createDirectories(fixtures.resolve("buggy"));
  }

  @Test
  void anHonestVariantEditsTheSolutionItNamesAndLosesNothing() throws IOException {
    Files.writeString(
        fixtures.resolve("honest/renamed.variant"),
        "// plain, with another field name\n// base: honest/plain\n@@ replace\n"
            + "class PlaceOrder { int a; }\n@@ with\nclass PlaceOrder { int b; }\n@@ end\n");

    Variant v = byName(Variants.load(EXERCISE, repo, work), "honest/renamed");

    assertThat(v.kind()).isEqualTo(Variant.Kind.HONEST);
    assertThat(v.expectedLosses()).isEmpty();
    assertThat(v.description()).isEqualTo("plain, with another field name");
    assertThat(Files.readString(v.sources().resolve("PlaceOrder.java"))).contains("int b;");
  }

  @Test
  void aBuggyVariantEditsTheReferenceWithoutItsMarkers() throws IOException {
    Files.writeString(
        fixtures.resolve("buggy/none-left.variant"),
        "// no stock\n// expect-loss: functional\n@@ replace\n  int stock = 1;\n@@ with\n"
            + "  int stock = 0;\n@@ end\n");

    Variant v = byName(Variants.load(EXERCISE, repo, work), "buggy/none-left");

    assertThat(v.expectedLosses()).containsExactly("functional");
    assertThat(Files.readString(v.sources().resolve("PlaceOrder.java")))
        .contains("int stock = 0;")
        .doesNotContain("BEGIN SOLUTION");
  }

  @Test
  void refusesAnHonestVariantThatExpectsALoss() throws IOException {
    Files.writeString(
        fixtures.resolve("honest/odd.variant"),
        "// odd\n// expect-loss: isolation\n@@ replace\n  int stock = 1;\n@@ with\n  int s;\n@@ end\n");

    assertThatThrownBy(() -> Variants.load(EXERCISE, repo, work))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("odd.variant: an honest variant loses nothing");
  }

  @Test
  void refusesAnEditWhoseLinesAreNotThereExactlyOnce() throws IOException {
    Files.writeString(
        fixtures.resolve("buggy/missing.variant"),
        "// x\n// expect-loss: functional\n@@ replace\n  int nothing;\n@@ with\n  int s;\n@@ end\n");

    assertThatThrownBy(() -> Variants.load(EXERCISE, repo, work))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing.variant: the lines to replace must occur exactly once");
  }

  @Test
  void refusesAnUnclosedEditAndAnUnknownCategory() throws IOException {
    Path v = fixtures.resolve("buggy/open.variant");
    Files.writeString(
        v, "// x\n// expect-loss: functional\n@@ replace\n  int stock = 1;\n@@ with\n");
    assertThatThrownBy(() -> Variants.load(EXERCISE, repo, work))
        .hasMessageContaining("open.variant: an edit is not closed with '@@ end'");

    Files.writeString(
        v,
        "// x\n// expect-loss: speed\n@@ replace\n  int stock = 1;\n@@ with\n  int s;\n@@ end\n");
    assertThatThrownBy(() -> Variants.load(EXERCISE, repo, work.resolve("again")))
        .hasMessageContaining("open.variant: unknown category 'speed'");
  }

  private static Variant byName(List<Variant> all, String name) {
    return all.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }
}
