package org.txlab.grader.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.suite.SuiteReport;

/**
 * The proof that the hidden tests are fair, run in every build: the reference scores 100 %, the
 * generated starter 0, and each known-buggy variant loses points in exactly the categories it
 * declares and in no other.
 */
class FairnessIT {
  private static final Path REFERENCE =
      Path.of("../exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");
  private static final Path VARIANTS = Path.of("fixtures/place-order/variants");

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> everyVariantScoresAsDeclared() throws Exception {
    Validator validator = new Validator(work);
    List<Variant> variants = validator.variants(REFERENCE, VARIANTS);
    assertThat(variants).as("reference, starter and the 7 buggy variants").hasSize(9);
    return variants.stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.name() + " " + v.kind(),
                    () -> {
                      SuiteReport report = validator.grade(v);
                      assertThat(Validator.problems(v, report))
                          .as("how %s scored: %s", v.name(), report.results())
                          .isEmpty();
                    }));
  }
}
