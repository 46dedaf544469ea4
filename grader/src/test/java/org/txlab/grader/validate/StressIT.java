package org.txlab.grader.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.sandbox.SandboxConfig;
import org.txlab.grader.suite.TestResult;

/**
 * Same code, same score, also on a busy machine: grades every variant of every exercise {@code
 * txlab.stress.reps} times (default 20) while other threads keep every core busy, and requires
 * every repetition to score as declared with identical per-test results. Runs only in the {@code
 * stress} profile ({@code mvn -Pstress -pl grader -am verify}); writes {@code target/stress.md}.
 */
class StressIT {
  private static final Path REPO = Path.of("..");

  @TempDir Path work;

  @Test
  void everyRepetitionScoresAsDeclaredOnABusyMachine() throws Exception {
    int reps = Integer.getInteger("txlab.stress.reps", 20);
    AtomicBoolean busy = new AtomicBoolean(true);
    List<Thread> load = new ArrayList<>();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      Thread t =
          new Thread(
              () -> {
                long x = 0;
                while (busy.get()) {
                  x += System.nanoTime() % 7;
                }
                if (x == 42) {
                  System.out.print("");
                }
              },
              "load-" + i);
      t.setDaemon(true);
      t.start();
      load.add(t);
    }
    StringBuilder md = new StringBuilder("# Stress: " + reps + " repetitions under load\n\n");
    List<String> problems = new ArrayList<>();
    try {
      for (Exercise exercise : Exercises.all()) {
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
                  .run(exercise, variants, reps, new PrintWriter(System.out, true));
        }
        problems.addAll(outcome.problems());
        md.append("## ")
            .append(exercise.id())
            .append("\n\n| variant | test | passed |\n|---|---|---|\n");
        for (Variant v : variants) {
          for (int t = 0; t < outcome.runs().get(0).get(v.name()).report().results().size(); t++) {
            int passed = 0;
            String id = "";
            for (var run : outcome.runs()) {
              ExerciseResult e = run.get(v.name());
              TestResult r = e.report().results().get(t);
              id = r.id();
              passed += r.passed() ? 1 : 0;
            }
            md.append("| ").append(v.name()).append(" | ").append(id).append(" | ");
            md.append(passed).append('/').append(reps).append(" |\n");
          }
        }
      }
    } finally {
      busy.set(false);
    }
    Files.writeString(Path.of("target/stress.md"), md, StandardCharsets.UTF_8);
    assertThat(problems).as("repetitions that did not score as declared, or disagreed").isEmpty();
  }
}
