package org.txlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.txlab.grader.batch.BatchGrader;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.batch.Shards;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.intake.Intake;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Grades a class's submissions in the sandbox and writes gradebooks and feedback. */
@Command(
    name = "grade",
    description = {
      "Grades a class: each submission compiled, then every exercise's hidden tests run against"
          + " it from this JVM while its code runs in disposable sandboxed JVMs; writes gradebooks"
          + " (a column per exercise), feedback and a summary.",
      "",
      "SUBMISSIONS is a folder with one entry per student (a folder, a .zip, a .ipynb or a .java"
          + " file, named after the student), or one LMS bulk-download .zip (Canvas-style file"
          + " names: student_ids_file). Re-running re-grades only what changed; a killed run"
          + " resumes. Exit code 0: reports written; 4: reports written, but some hand-in needs"
          + " your attention (see the summary)."
    })
final class GradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "folder or bulk .zip")
  Path input;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the reports go (default: ${DEFAULT-VALUE})")
  Path out = Path.of("reports/grades");

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "submissions graded at a time (default: ${DEFAULT-VALUE})")
  int jobs = 2;

  @Option(
      names = "--shard",
      paramLabel = "i/N",
      description =
          "grade only shard i of N (by a hash of the student id: stable, whoever else handed"
              + " in); 'merge' joins the shards' --out folders into one class")
  String shard;

  @Mixin GradingOptions options = new GradingOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (!Files.exists(input)) {
      stderr.println(
          "[BAD_INPUT] '"
              + input
              + "' does not exist; pass a folder of submissions or a bulk-download .zip");
      return ExitCode.BAD_INPUT;
    }
    if (jobs < 1) {
      stderr.println("[USAGE] --jobs must be at least 1, was " + jobs);
      return ExitCode.USAGE;
    }
    List<Exercise> exercises;
    Shards.Shard part;
    try {
      exercises = options.chosen();
      part = shard == null ? null : Shards.Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      stderr.println("[USAGE] " + e.getMessage());
      return ExitCode.USAGE;
    }
    // Absolute from here on: javac reports absolute paths, and messages should too.
    out = out.toAbsolutePath().normalize();
    Path work = out.resolve(".work");
    try (Grading grading = options.grading(exercises, work.resolve(".agent"))) {
      String warning = grading.sandbox().warning();
      if (!warning.isEmpty()) {
        stderr.println(warning);
      }
      List<StudentSubmission> submissions;
      try {
        submissions = Intake.collect(input, work);
      } catch (IOException e) {
        stderr.println("[BAD_INPUT] " + e.getMessage());
        return ExitCode.BAD_INPUT;
      }
      if (submissions.isEmpty()) {
        stderr.println("[BAD_INPUT] '" + input + "' holds no submissions");
        return ExitCode.BAD_INPUT;
      }
      int all = submissions.size();
      if (part != null) {
        submissions = submissions.stream().filter(s -> part.holds(s.student())).toList();
      }
      stdout.printf(
          "Grading %s (%s), %d at a time%s%n",
          part == null
              ? plural(all, "submission")
              : plural(submissions.size(), "submission") + " of " + all + ", shard " + part,
          String.join(", ", exercises.stream().map(Exercise::id).toList()),
          Math.max(1, Math.min(jobs, submissions.size())),
          grading.sandbox().isolated() ? ", sandboxed (bwrap)" : "");
      long start = System.nanoTime();
      List<StudentResult> results =
          new BatchGrader(
                  grading,
                  work,
                  out.resolve(".state"),
                  Math.max(1, Math.min(jobs, submissions.size())),
                  stdout)
              .grade(submissions);
      new Reports(exercises, grading.plans(), org.txlab.grader.quiz.QuizKey.load().maxPoints())
          .write(results, out);
      if (part != null) {
        Shards.write(
            out,
            new Shards.Part(
                part.toString(),
                grading.key(),
                exercises.stream().map(Exercise::id).toList(),
                grading.plans(),
                org.txlab.grader.quiz.QuizKey.load().maxPoints(),
                results));
      }
      long notGradable = results.stream().filter(r -> !r.gradable()).count();
      long attention = results.stream().filter(r -> !r.attention().isEmpty()).count();
      stdout.printf(
          "%nDone in %.1f s: %d graded, %d not gradable%s.%n",
          (System.nanoTime() - start) / 1e9,
          results.size() - notGradable,
          notGradable,
          attention > 0 ? ", " + attention + " need your attention (see the summary)" : "");
      stdout.println(
          "Gradebook:  " + out.resolve("gradebook.csv") + " (also -canvas.csv, -moodle.csv)");
      stdout.println("Feedback:   " + out.resolve("feedback") + "/<student>.md and .html");
      stdout.println("Gradescope: " + out.resolve("gradescope") + "/<student>/results.json");
      stdout.println("Summary:    " + out.resolve("summary.html"));
      if (part != null) {
        stdout.println(
            "Shard:      "
                + out.resolve(Shards.FILE)
                + " (join all "
                + part.count()
                + " with: txlab-grader merge DIR... --out DIR)");
      }
      return attention > 0 ? ExitCode.NEEDS_ATTENTION : ExitCode.OK;
    }
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
