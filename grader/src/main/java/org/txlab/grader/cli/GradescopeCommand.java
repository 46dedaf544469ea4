package org.txlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.txlab.grader.batch.BatchGrader;
import org.txlab.grader.batch.Grading;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.intake.Intake;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Grades one submission in Gradescope's layout. */
@Command(
    name = "gradescope",
    description =
        "Grades one submission in Gradescope's layout: reads the student's files from"
            + " --submission and writes Gradescope's results.json to --results. Used by"
            + " grader/gradescope/run_autograder.")
final class GradescopeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--submission", paramLabel = "DIR", description = "(default: ${DEFAULT-VALUE})")
  Path submission = Path.of("/autograder/submission");

  @Option(names = "--results", paramLabel = "FILE", description = "(default: ${DEFAULT-VALUE})")
  Path results = Path.of("/autograder/results/results.json");

  @Mixin GradingOptions options = new GradingOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stderr = spec.commandLine().getErr();
    if (!Files.isDirectory(submission)) {
      stderr.println("[BAD_INPUT] '" + submission + "' is not a folder");
      return ExitCode.BAD_INPUT;
    }
    List<Exercise> exercises;
    try {
      exercises = options.chosen();
    } catch (IllegalArgumentException e) {
      stderr.println("[USAGE] " + e.getMessage());
      return ExitCode.USAGE;
    }
    Path work = Files.createTempDirectory("txlab-gradescope");
    try (Grading grading = options.grading(exercises, work.resolve(".agent"))) {
      String warning = grading.sandbox().warning();
      if (!warning.isEmpty()) {
        stderr.println(warning);
      }
      // The submission folder is one student's hand-in: a class of one.
      StudentSubmission one = Intake.single("student", submission, work.resolve("work"));
      List<StudentResult> graded =
          new BatchGrader(
                  grading,
                  work.resolve("work"),
                  work.resolve("state"),
                  1,
                  spec.commandLine().getOut())
              .grade(List.of(one));
      new Reports(exercises, grading.plans(), org.txlab.grader.quiz.QuizKey.load().maxPoints())
          .writeGradescope(graded.get(0), results);
      return graded.get(0).attention().isEmpty() ? ExitCode.OK : ExitCode.NEEDS_ATTENTION;
    }
  }
}
