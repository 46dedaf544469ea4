package org.txlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.txlab.grader.sources.CompilationFailedException;
import org.txlab.grader.sources.NoImplementationException;
import org.txlab.grader.suite.SuiteReport;
import org.txlab.grader.suite.TestResult;
import org.txlab.grader.validate.Validator;
import org.txlab.grader.validate.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Proves the hidden tests fair: reference 100 %, starter 0, each buggy variant caught. */
@Command(
    name = "validate",
    description =
        "Grades the place-order exercise's reference solution, its generated starter and every"
            + " known-buggy variant with the hidden tests, and prints which test caught which"
            + " variant. Exits 0 only if the reference scores 100%%, the starter 0, and each"
            + " variant loses points in exactly the categories its '// expect-loss:' line names.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      description = "the reference source with solution markers (default: ${DEFAULT-VALUE})")
  Path reference = Path.of("exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");

  @Option(
      names = "--variants",
      paramLabel = "DIR",
      description = "one directory per buggy variant (default: ${DEFAULT-VALUE})")
  Path variants = Path.of("grader/fixtures/place-order/variants");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where validation.md goes (default: ${DEFAULT-VALUE})")
  Path out = Path.of("reports/validation");

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    for (Path input : List.of(reference, variants)) {
      if (!Files.exists(input)) {
        stderr.println(
            "[BAD_INPUT] '"
                + input
                + "' does not exist; run from the repository's root or pass --reference and"
                + " --variants");
        return ExitCode.BAD_INPUT;
      }
    }
    Path work = Files.createTempDirectory("txlab-validate");
    Validator validator = new Validator(work);
    List<Variant> all = validator.variants(reference, variants);
    List<SuiteReport> reports = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Variant v = all.get(i);
      long start = System.nanoTime();
      SuiteReport report;
      try {
        report = validator.grade(v);
      } catch (CompilationFailedException | NoImplementationException e) {
        stderr.println("[BAD_INPUT] " + v.name() + ": " + e.getMessage());
        return ExitCode.BAD_INPUT;
      }
      reports.add(report);
      List<String> found = Validator.problems(v, report);
      problems.addAll(found);
      stdout.printf(
          "[%d/%d] %-28s %3d/%d  lost in %-34s %5.1f s  %s%n",
          i + 1,
          all.size(),
          v.name(),
          report.points(),
          report.maxPoints(),
          report.lostByCategory().keySet(),
          (System.nanoTime() - start) / 1e9,
          found.isEmpty() ? "as expected" : "UNEXPECTED");
    }
    Path file = writeReport(all, reports, problems);
    stdout.println();
    stdout.println("Which test caught which variant: " + file.toAbsolutePath());
    if (!problems.isEmpty()) {
      problems.forEach(p -> stderr.println("[VALIDATION] " + p));
      return ExitCode.VALIDATION_FAILED;
    }
    stdout.println("Validation passed: the hidden tests separate every variant as declared.");
    return ExitCode.OK;
  }

  private Path writeReport(List<Variant> all, List<SuiteReport> reports, List<String> problems)
      throws IOException {
    StringBuilder md = new StringBuilder("# Validation of the place-order hidden tests\n\n");
    md.append("| test | category | points |");
    for (Variant v : all) {
      md.append(' ').append(v.name()).append(" |");
    }
    md.append("\n|---|---|---|").append("---|".repeat(all.size())).append('\n');
    List<TestResult> tests = reports.get(0).results();
    for (int t = 0; t < tests.size(); t++) {
      TestResult test = tests.get(t);
      md.append("| ").append(test.title()).append(" | ").append(test.category());
      md.append(" | ").append(test.maxPoints()).append(" |");
      for (SuiteReport r : reports) {
        md.append(r.results().get(t).passed() ? " pass |" : " **FAIL** |");
      }
      md.append('\n');
    }
    md.append("| **total** | | |");
    for (SuiteReport r : reports) {
      md.append(' ').append(r.points()).append('/').append(r.maxPoints()).append(" |");
    }
    md.append("\n\n").append(problems.isEmpty() ? "All as expected.\n" : "Problems:\n");
    problems.forEach(p -> md.append("- ").append(p).append('\n'));
    Files.createDirectories(out);
    Path file = out.resolve("validation.md");
    Path tmp = Files.createTempFile(out, ".validation", ".tmp");
    Files.writeString(tmp, md, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
