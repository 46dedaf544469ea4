package org.txlab.grader.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.sandbox.SandboxConfig;

/**
 * The proof that the hidden tests are fair, run in every build, through the same sandboxed path as
 * grading: for every exercise the reference and every honest solution score 100 %, the generated
 * starter 0, and each known-buggy variant loses points in exactly the categories it declares.
 */
class FairnessIT {
  private static final Path REPO = Path.of("..");

  @TempDir Path work;

  @TestFactory
  Stream<DynamicContainer> everyVariantOfEveryExerciseScoresAsDeclared() throws Exception {
    return Exercises.all().stream().map(this::exercise);
  }

  private DynamicContainer exercise(Exercise exercise) {
    try {
      List<Variant> variants = Variants.load(exercise, REPO, work.resolve(exercise.id()));
      Validator.Outcome outcome;
      try (Grading grading =
          new Grading(
              List.of(exercise),
              SandboxConfig.defaults(),
              work.resolve("cache"),
              List.of(Path.of("target/classes")))) {
        outcome =
            new Validator(grading, work.resolve(exercise.id() + "-runs"), 2)
                .run(exercise, variants, 1, new PrintWriter(new StringWriter()));
      }
      Map<String, ExerciseResult> run = outcome.runs().get(0);
      Stream<DynamicTest> corpus =
          Stream.of(
              DynamicTest.dynamicTest(
                  "the corpus holds honest and buggy variants",
                  () ->
                      assertThat(variants)
                          .extracting(Variant::kind)
                          .contains(Variant.Kind.REFERENCE, Variant.Kind.STARTER)
                          .contains(Variant.Kind.BUGGY)));
      Stream<DynamicTest> each =
          variants.stream()
              .map(
                  v ->
                      DynamicTest.dynamicTest(
                          v.name() + " (" + v.kind() + ")",
                          () -> {
                            ExerciseResult e = run.get(v.name());
                            assertThat(e).as(v.name() + " was graded").isNotNull();
                            assertThat(Validator.problems(v, e))
                                .as("how %s scored", v.name())
                                .isEmpty();
                          }));
      return DynamicContainer.dynamicContainer(exercise.id(), Stream.concat(corpus, each));
    } catch (Exception e) {
      throw new IllegalStateException("validating " + exercise.id() + " failed: " + e, e);
    }
  }
}
