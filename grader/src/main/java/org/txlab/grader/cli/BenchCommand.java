package org.txlab.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.txlab.course.ChildJvm;
import org.txlab.course.PlaceOrderProcess;
import org.txlab.course.Shop;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.SuiteReport;
import org.txlab.grader.suite.TestResult;
import org.txlab.grader.validate.Validator;
import org.txlab.grader.validate.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the hidden suite's wall time against the reference solution. */
@Command(
    name = "bench",
    description =
        "Measures the place-order hidden suite against the reference solution: median wall time"
            + " of N runs (after one warm-up), split by category, next to the cost of one child"
            + " JVM placing one order, measured in the same run.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "measured runs (default: ${DEFAULT-VALUE})")
  int runs = 5;

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      description = "the reference source (default: ${DEFAULT-VALUE})")
  Path reference = Path.of("exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("txlab-bench");
    Validator validator = new Validator(work);
    Variant ref =
        validator.variants(reference, Files.createDirectories(work.resolve("none"))).get(0);
    validator.grade(ref);
    List<Long> suite = new ArrayList<>();
    List<Long> child = new ArrayList<>();
    Map<Category, List<Long>> byCategory = new EnumMap<>(Category.class);
    Path classes = work.resolve("reference/classes");
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      SuiteReport report = validator.grade(ref);
      suite.add((System.nanoTime() - start) / 1_000_000);
      Map<Category, Long> sums = new EnumMap<>(Category.class);
      for (TestResult r : report.results()) {
        sums.merge(r.category(), r.millis(), Long::sum);
      }
      sums.forEach((c, ms) -> byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(ms));
      child.add(oneChildOrder(work.resolve("child-" + i), classes));
    }
    out.printf("hidden suite vs reference, %d runs (after 1 warm-up)%n", runs);
    out.printf("  whole suite (compile + run)  median %6d ms%n", median(suite));
    byCategory.forEach((c, ms) -> out.printf("    %-26s median %6d ms%n", c, median(ms)));
    long childMs = median(child);
    out.printf("  baseline: one child JVM placing one order  median %6d ms%n", childMs);
    out.printf("  ratio suite / one child JVM: %.1f%n", (double) median(suite) / childMs);
    return ExitCode.OK;
  }

  private static long oneChildOrder(Path dir, Path classes) throws Exception {
    Files.createDirectories(dir);
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    long start = System.nanoTime();
    try (ChildJvm c =
        ChildJvm.builder(PlaceOrderProcess.class.getName())
            .classpath(List.of(classes))
            .property("org.sqlite.tmpdir", dir.toString())
            .args(db.toString(), "org.txlab.exercises.PlaceOrder", "1", "1", "1")
            .start()) {
      c.awaitOutcome(Duration.ofSeconds(30));
      c.awaitExit(Duration.ofSeconds(30));
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
