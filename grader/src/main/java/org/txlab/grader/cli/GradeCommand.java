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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Grades a class's submissions in the sandbox and writes gradebooks and feedback. */
@Command(
    name = "grade",
    description = {
      "Grades a class: each submission compiled, then the hidden place-order tests run against it"
          + " in a disposable sandboxed JVM; writes gradebooks, feedback and a summary.",
      "",
      "SUBMISSIONS is a folder with one entry per student (a folder, a .zip, a .ipynb or a .java"
          + " file, named after the student), or one LMS bulk-download .zip (Canvas-style file"
          + " names: student_ids_file). Re-running re-grades only what changed; a killed run"
          + " resumes. Exit code 0 means the reports were written, whatever the scores."
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
      names = "--no-sandbox",
      description = "run without bubblewrap even where it works (JVM-level limits only)")
  boolean noSandbox;

  @Option(
      names = "--test-timeout",
      paramLabel = "SECONDS",
      description = "how long one hidden test may run (default: ${DEFAULT-VALUE})")
  int testTimeout = 30;

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
    SandboxConfig config =
        SandboxConfig.defaults()
            .withBwrap(!noSandbox)
            .withTestTimeout(java.time.Duration.ofSeconds(testTimeout));
    IsolatedRunner runner =
        new IsolatedRunner(Validator.PLACE_ORDER_TESTS, config, RuntimeClasspath.current());
    String warning = runner.sandbox().warning();
    if (!warning.isEmpty()) {
      stderr.println(warning);
    }
    // Absolute from here on: javac reports absolute paths, and messages should too.
    out = out.toAbsolutePath().normalize();
    Path work = out.resolve(".work");
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
    stdout.printf(
        "Grading %d submissions, %d at a time%s%n",
        submissions.size(), jobs, runner.sandbox().isolated() ? ", sandboxed (bwrap)" : "");
    long start = System.nanoTime();
    List<StudentResult> results =
        new BatchGrader(runner, work, out.resolve(".state"), jobs, stdout).grade(submissions);
    new Reports(runner.plan(), QuizKey.questions().size()).write(results, out);
    long notGradable = results.stream().filter(r -> !r.gradable()).count();
    stdout.printf(
        "%nDone in %.1f s: %d graded, %d not gradable.%n",
        (System.nanoTime() - start) / 1e9, results.size() - notGradable, notGradable);
    Path abs = out.toAbsolutePath().normalize();
    stdout.println(
        "Gradebook:  " + abs.resolve("gradebook.csv") + " (also -canvas.csv, -moodle.csv)");
    stdout.println("Feedback:   " + abs.resolve("feedback") + "/<student>.md and .html");
    stdout.println("Gradescope: " + abs.resolve("gradescope") + "/<student>/results.json");
    stdout.println("Summary:    " + abs.resolve("summary.html"));
    return ExitCode.OK;
  }
}
