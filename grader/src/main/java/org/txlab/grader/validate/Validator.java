package org.txlab.grader.validate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.txlab.grader.batch.BatchGrader;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.intake.Intake;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.suite.TestResult;

/**
 * Proves an exercise's hidden tests fair by grading its variants exactly as students are graded
 * (the same intake, compiler, sandbox and judge): the reference and every honest solution score 100
 * %, the starter 0, each buggy variant loses points in exactly the categories it declares; and
 * repeated gradings give every variant the same per-test results.
 */
public final class Validator {
  private final Grading grading;
  private final Path work;
  private final int jobs;

  /**
   * Creates a validator.
   *
   * @param grading grading set up for the one exercise
   * @param work a scratch directory
   * @param jobs variants graded at a time
   */
  public Validator(Grading grading, Path work, int jobs) {
    this.grading = grading;
    this.work = work;
    this.jobs = jobs;
  }

  /**
   * The outcome of validating.
   *
   * @param variants the variants, in order
   * @param runs each run's results, by variant name
   * @param problems what did not score as it must; empty if all did
   */
  public record Outcome(
      List<Variant> variants, List<Map<String, ExerciseResult>> runs, List<String> problems) {}

  /**
   * Grades every variant {@code reps} times and checks each run.
   *
   * @param exercise the exercise
   * @param variants its variants
   * @param reps how many times
   * @param progress where progress lines go
   * @return the outcome
   * @throws IOException if files cannot be written
   * @throws InterruptedException if interrupted
   */
  public Outcome run(Exercise exercise, List<Variant> variants, int reps, PrintWriter progress)
      throws IOException, InterruptedException {
    Path submissions = Files.createDirectories(work.resolve("submissions"));
    for (Variant v : variants) {
      copyTree(v.sources(), submissions.resolve(folder(v)));
    }
    List<Map<String, ExerciseResult>> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int rep = 1; rep <= reps; rep++) {
      Path out = work.resolve("run-" + rep);
      List<StudentSubmission> taken = Intake.collect(submissions, out.resolve(".work"));
      List<StudentResult> results =
          new BatchGrader(
                  grading,
                  out.resolve(".work"),
                  out.resolve(".state"),
                  jobs,
                  reps > 1 ? new PrintWriter(new StringWriter()) : progress)
              .grade(taken);
      Map<String, ExerciseResult> byVariant = new LinkedHashMap<>();
      for (Variant v : variants) {
        StudentResult r =
            results.stream().filter(x -> x.student().equals(folder(v))).findFirst().orElseThrow();
        ExerciseResult e = r.exercise(exercise.id()).orElse(null);
        if (e == null || !e.graded()) {
          problems.add(
              (reps > 1 ? "run " + rep + ": " : "")
                  + v.name()
                  + " was not graded: "
                  + (e == null ? r.problem() : e.problem()));
          continue;
        }
        byVariant.put(v.name(), e);
        for (String p : problems(v, e)) {
          problems.add((reps > 1 ? "run " + rep + ": " : "") + p);
        }
      }
      runs.add(byVariant);
      if (reps > 1) {
        progress.printf("repetition %d/%d done%n", rep, reps);
        progress.flush();
      }
    }
    problems.addAll(differences(variants, runs));
    return new Outcome(variants, runs, problems);
  }

  /** Says what is wrong with a variant's score, if anything. */
  static List<String> problems(Variant v, ExerciseResult e) {
    List<String> problems = new ArrayList<>();
    Set<String> lost = e.report().lostByCategory().keySet();
    for (TestResult t : e.report().results()) {
      if (t.graderTrouble()) {
        problems.add(v.name() + ": " + t.title() + ": " + t.message());
      }
    }
    switch (v.kind()) {
      case REFERENCE, HONEST -> {
        if (e.points() != e.maxPoints()) {
          problems.add(
              v.name()
                  + " scored "
                  + e.points()
                  + "/"
                  + e.maxPoints()
                  + ", lost in "
                  + lost
                  + ": "
                  + failed(e));
        }
      }
      case STARTER -> {
        if (e.points() != 0) {
          problems.add(v.name() + " scored " + e.points() + "/" + e.maxPoints());
        }
      }
      case BUGGY -> {
        for (String c : v.expectedLosses()) {
          if (!lost.contains(c)) {
            problems.add(v.name() + " lost no points in " + c);
          }
        }
        for (String c : lost) {
          if (!v.expectedLosses().contains(c)) {
            problems.add(v.name() + " also lost points in " + c + ": " + failed(e));
          }
        }
      }
    }
    return problems;
  }

  private static String failed(ExerciseResult e) {
    return e.report().results().stream()
        .filter(t -> !t.passed())
        .map(t -> t.id() + " [" + t.message().lines().findFirst().orElse("") + "]")
        .collect(Collectors.joining("; "));
  }

  /** Every run must give every variant the same per-test verdicts. */
  private static List<String> differences(
      List<Variant> variants, List<Map<String, ExerciseResult>> runs) {
    List<String> problems = new ArrayList<>();
    if (runs.size() < 2) {
      return problems;
    }
    for (Variant v : variants) {
      Map<String, Integer> passedIn = new LinkedHashMap<>();
      int graded = 0;
      for (Map<String, ExerciseResult> run : runs) {
        ExerciseResult e = run.get(v.name());
        if (e == null) {
          continue;
        }
        graded++;
        for (TestResult t : e.report().results()) {
          passedIn.merge(t.id(), t.passed() ? 1 : 0, Integer::sum);
        }
      }
      for (Map.Entry<String, Integer> t : passedIn.entrySet()) {
        if (t.getValue() != 0 && t.getValue() != graded) {
          problems.add(
              v.name()
                  + ": "
                  + t.getKey()
                  + " passed in "
                  + t.getValue()
                  + " of "
                  + graded
                  + " runs: the same code must get the same verdict");
        }
      }
    }
    return problems;
  }

  /** A student-id-safe folder name for a variant. */
  static String folder(Variant v) {
    return v.name().replace('/', '-');
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
