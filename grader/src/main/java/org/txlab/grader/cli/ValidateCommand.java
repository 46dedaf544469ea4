package org.txlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.validate.Validator;
import org.txlab.grader.validate.Variant;
import org.txlab.grader.validate.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Proves the hidden tests fair, through the same sandboxed path as grading. */
@Command(
    name = "validate",
    description =
        "Grades each exercise's reference solution, its generated starter, its honest solutions"
            + " and its known-buggy variants exactly as student hand-ins are graded (sandbox and"
            + " all), and writes which test caught which variant. Exits 0 only if the reference and"
            + " every honest solution score 100%%, the starter 0, each buggy variant loses points in"
            + " exactly the categories its '// expect-loss:' line names, and every repetition gives"
            + " the same per-test results.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "this repository's root (default: ${DEFAULT-VALUE})")
  Path repo = Path.of(".");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where validation.md goes (default: ${DEFAULT-VALUE})")
  Path out = Path.of("reports/validation");

  @Option(
      names = "--reps",
      paramLabel = "N",
      description = "grade every variant N times; all must agree (default: ${DEFAULT-VALUE})")
  int reps = 1;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "variants graded at a time (default: ${DEFAULT-VALUE})")
  int jobs = 2;

  @Mixin GradingOptions options = new GradingOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<Exercise> exercises;
    try {
      exercises = options.chosen();
    } catch (IllegalArgumentException e) {
      stderr.println("[USAGE] " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (reps < 1 || jobs < 1) {
      stderr.println("[USAGE] --reps and --jobs must be at least 1");
      return ExitCode.USAGE;
    }
    Path work = Files.createTempDirectory("txlab-validate");
    try {
      StringBuilder md = new StringBuilder("# Validation of the hidden tests\n\n");
      List<String> problems = new ArrayList<>();
      for (Exercise exercise : exercises) {
        List<String> inputs = new ArrayList<>(List.of(exercise.reference(), exercise.variants()));
        inputs.addAll(exercise.companions());
        for (String input : inputs) {
          if (!Files.exists(repo.resolve(input))) {
            stderr.println(
                "[BAD_INPUT] '"
                    + repo.resolve(input)
                    + "' does not exist; run from the repository's root or pass --repo");
            return ExitCode.BAD_INPUT;
          }
        }
        List<Variant> variants;
        try {
          variants = Variants.load(exercise, repo, work.resolve(exercise.id() + "/variants"));
        } catch (IOException | IllegalArgumentException e) {
          stderr.println("[BAD_INPUT] " + exercise.id() + ": " + e.getMessage());
          return ExitCode.BAD_INPUT;
        }
        stdout.printf(
            "== %s: %d variants, %d repetition(s) ==%n", exercise.id(), variants.size(), reps);
        stdout.flush();
        try (Grading grading = options.grading(List.of(exercise), work.resolve(".agent"))) {
          String warning = grading.sandbox().warning();
          if (!warning.isEmpty()) {
            stderr.println(warning);
          }
          long start = System.nanoTime();
          Validator.Outcome outcome =
              new Validator(grading, work.resolve(exercise.id()), jobs)
                  .run(exercise, variants, reps, stdout);
          stdout.printf(
              "%s validated in %.1f s%n", exercise.id(), (System.nanoTime() - start) / 1e9);
          problems.addAll(outcome.problems().stream().map(p -> exercise.id() + ": " + p).toList());
          table(md, exercise, grading.plans().get(exercise.id()), outcome);
        }
      }
      Files.createDirectories(out);
      Path file = out.resolve("validation.md");
      Path tmp = Files.createTempFile(out, ".validation", ".tmp");
      md.append(problems.isEmpty() ? "All as expected.\n" : "## Problems\n\n");
      problems.forEach(p -> md.append("- ").append(p).append('\n'));
      Files.writeString(tmp, md, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      stdout.println();
      stdout.println("Which test caught which variant: " + file.toAbsolutePath());
      if (!problems.isEmpty()) {
        problems.forEach(p -> stderr.println("[VALIDATION] " + p));
        return ExitCode.VALIDATION_FAILED;
      }
      stdout.println("Validation passed: the hidden tests separate every variant as declared.");
      return ExitCode.OK;
    } finally {
      // The variants' sources and the sandboxes' files: nothing of a run stays in /tmp.
      org.txlab.grader.intake.Intake.clean(work);
    }
  }

  private static void table(
      StringBuilder md, Exercise exercise, List<PlannedTest> plan, Validator.Outcome outcome) {
    Map<String, ExerciseResult> first = outcome.runs().get(0);
    md.append("## ").append(exercise.title()).append(" (").append(exercise.id()).append(")\n\n");
    md.append("| variant | kind | expected loss | score | lost in | what it is |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Variant v : outcome.variants()) {
      ExerciseResult e = first.get(v.name());
      md.append("| ").append(v.name()).append(" | ").append(v.kind().name().toLowerCase());
      md.append(" | ").append(String.join(" ", v.expectedLosses())).append(" | ");
      md.append(e == null ? "not graded" : e.points() + "/" + e.maxPoints()).append(" | ");
      md.append(e == null ? "" : String.join(" ", e.report().lostByCategory().keySet()));
      md.append(" | ").append(v.description().replace("|", "\\|")).append(" |\n");
    }
    md.append("\n| test | category | points |");
    for (Variant v : outcome.variants()) {
      md.append(' ').append(v.name()).append(" |");
    }
    md.append("\n|---|---|---|").append("---|".repeat(outcome.variants().size())).append('\n');
    for (int t = 0; t < plan.size(); t++) {
      PlannedTest test = plan.get(t);
      md.append("| ").append(test.title()).append(" | ").append(test.category());
      md.append(" | ").append(test.points()).append(" |");
      for (Variant v : outcome.variants()) {
        ExerciseResult e = first.get(v.name());
        md.append(
            e == null ? " – |" : e.report().results().get(t).passed() ? " pass |" : " **FAIL** |");
      }
      md.append('\n');
    }
    md.append('\n');
  }
}
