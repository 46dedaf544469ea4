package org.txlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.txlab.grader.batch.Shards;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Joins the shards of a class graded on several machines into one set of reports. */
@Command(
    name = "merge",
    description = {
      "Joins the --out folders of 'grade --shard i/N' runs (one per shard, e.g. from a CI matrix"
          + " or a Kubernetes Indexed Job) into one gradebook, feedback and summary: the same"
          + " files as grading the whole class at once. Refuses shards that are missing, given"
          + " twice, split differently or graded with other hidden tests or settings.",
      "",
      "Exit code 0: reports written; 4: written, but some hand-in needs your attention."
    })
final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHARD", arity = "1..*", description = "each shard's --out folder")
  List<Path> shards = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the joined reports go (default: ${DEFAULT-VALUE})")
  Path out = Path.of("reports/grades");

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<Shards.Part> parts;
    List<Exercise> exercises;
    try {
      parts = Shards.read(shards);
      exercises = parts.get(0).exercises().stream().map(Exercises::get).toList();
    } catch (IllegalArgumentException e) {
      stderr.println("[BAD_INPUT] " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    List<StudentResult> results = Shards.merged(parts);
    out = out.toAbsolutePath().normalize();
    Files.createDirectories(out);
    // The shards' own plans: the reports say what was graded, whichever grader joins them.
    Shards.Part first = parts.get(0);
    new Reports(exercises, first.plans(), first.quizMax()).write(results, out);
    long attention = results.stream().filter(r -> !r.attention().isEmpty()).count();
    stdout.printf(
        "Joined %d shards: %s (%s).%n",
        parts.size(),
        GradeCommand.plural(results.size(), "student"),
        String.join(", ", parts.get(0).exercises()));
    stdout.println(
        "Gradebook:  " + out.resolve("gradebook.csv") + " (also -canvas.csv, -moodle.csv)");
    stdout.println("Feedback:   " + out.resolve("feedback") + "/<student>.md and .html");
    stdout.println("Summary:    " + out.resolve("summary.html"));
    return attention > 0 ? ExitCode.NEEDS_ATTENTION : ExitCode.OK;
  }
}
