package org.txlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.txlab.course.QuizKey;
import org.txlab.grader.batch.BatchGrader;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.intake.Intake;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.report.Reports;
import org.txlab.grader.sandbox.IsolatedRunner;
import org.txlab.grader.sandbox.SandboxConfig;
import org.txlab.grader.validate.Validator;
import picocli.CommandLine.Command;
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

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stderr = spec.commandLine().getErr();
    if (!Files.isDirectory(submission)) {
      stderr.println("[BAD_INPUT] '" + submission + "' is not a folder");
      return ExitCode.BAD_INPUT;
    }
    IsolatedRunner runner =
        new IsolatedRunner(
            Validator.PLACE_ORDER_TESTS, SandboxConfig.defaults(), RuntimeClasspath.current());
    String warning = runner.sandbox().warning();
    if (!warning.isEmpty()) {
      stderr.println(warning);
    }
    Path work = Files.createTempDirectory("txlab-gradescope");
    // The submission folder is one student's hand-in: a class of one.
    StudentSubmission one = Intake.single("student", submission, work.resolve("work"));
    List<StudentResult> graded =
        new BatchGrader(
                runner, work.resolve("work"), work.resolve("state"), 1, spec.commandLine().getOut())
            .grade(List.of(one));
    new Reports(runner.plan(), QuizKey.questions().size()).writeGradescope(graded.get(0), results);
    return ExitCode.OK;
  }
}
