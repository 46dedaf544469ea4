package org.txlab.grader.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.suite.SuiteReport;
import org.txlab.grader.suite.TestResult;

/**
 * Flaky is unfair: grades the reference, the starter and every variant {@code txlab.stress.reps}
 * times and requires every repetition to score as declared. Runs only in the {@code stress} profile
 * ({@code mvn -Pstress -pl grader -am verify}); writes {@code target/stress.md} with the pass count
 * of every test for every variant.
 */
class StressIT {
  private static final Path REFERENCE =
      Path.of("../exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");
  private static final Path VARIANTS = Path.of("fixtures/place-order/variants");

  @TempDir Path work;

  @Test
  void everyRepetitionScoresAsDeclared() throws Exception {
    int reps = Integer.getInteger("txlab.stress.reps", 20);
    Validator validator = new Validator(work);
    List<Variant> variants = validator.variants(REFERENCE, VARIANTS);
    Map<String, Map<String, Integer>> passes = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Variant v : variants) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (int i = 0; i < reps; i++) {
        SuiteReport report = validator.grade(v);
        for (TestResult r : report.results()) {
          counts.merge(r.category() + " " + r.id(), r.passed() ? 1 : 0, Integer::sum);
        }
        Validator.problems(v, report).forEach(p -> problems.add("rep " + ": " + p));
      }
      passes.put(v.name(), counts);
    }
    StringBuilder md = new StringBuilder("# Stress: passes out of " + reps + " runs\n\n| test |");
    passes.keySet().forEach(name -> md.append(' ').append(name).append(" |"));
    md.append("\n|---|").append("---|".repeat(passes.size())).append('\n');
    for (String test : passes.values().iterator().next().keySet()) {
      md.append("| ").append(test).append(" |");
      for (Map<String, Integer> counts : passes.values()) {
        md.append(' ').append(counts.get(test)).append('/').append(reps).append(" |");
      }
      md.append('\n');
    }
    Files.writeString(Path.of("target/stress.md"), md, StandardCharsets.UTF_8);
    System.out.println(md);

    assertThat(problems).as("repetitions that did not score as declared").isEmpty();
  }
}
