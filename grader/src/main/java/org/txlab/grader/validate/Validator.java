package org.txlab.grader.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.txlab.grader.sources.CompilationFailedException;
import org.txlab.grader.sources.Implementations;
import org.txlab.grader.sources.NoImplementationException;
import org.txlab.grader.sources.SourceCompiler;
import org.txlab.grader.sources.Starter;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.Submission;
import org.txlab.grader.suite.SuiteReport;
import org.txlab.grader.suite.SuiteRunner;

/** Grades the reference, the starter and the buggy variants of the place-order exercise. */
public final class Validator {
  /** The package of the place-order exercise's hidden tests. */
  public static final String PLACE_ORDER_TESTS = "org.txlab.grader.hidden.placeorder";

  private static final String EXPECT = "// expect-loss:";

  private final Path work;

  /**
   * Creates a validator.
   *
   * @param work a scratch directory for generated sources and classes
   */
  public Validator(Path work) {
    this.work = work;
  }

  /**
   * Lists what to validate: the reference file, the starter generated from it, every variant.
   *
   * @param reference the exercise's source with solution markers
   * @param variantsDir one sub-directory per buggy variant, each with its sources; the first line
   *     {@code // expect-loss: CATEGORY ...} of a source names where it must lose
   * @return the variants, reference first, then the starter, then the buggy ones by name
   * @throws IOException if a file cannot be read or written
   */
  public List<Variant> variants(Path reference, Path variantsDir) throws IOException {
    List<Variant> all = new ArrayList<>();
    Path referenceDir = work.resolve("reference/src");
    Files.createDirectories(referenceDir);
    Files.copy(reference, referenceDir.resolve(reference.getFileName()));
    all.add(new Variant("reference", referenceDir, Variant.Kind.REFERENCE, Set.of()));
    Path starterDir = work.resolve("starter/src");
    Files.createDirectories(starterDir);
    String source = Files.readString(reference, StandardCharsets.UTF_8);
    Files.writeString(
        starterDir.resolve(reference.getFileName()),
        Starter.strip(source, reference.getFileName().toString()));
    all.add(new Variant("starter", starterDir, Variant.Kind.STARTER, Set.of()));
    try (Stream<Path> dirs = Files.list(variantsDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        all.add(
            new Variant(
                dir.getFileName().toString(), dir, Variant.Kind.BUGGY, expectedLosses(dir)));
      }
    }
    return all;
  }

  /**
   * Compiles a variant and runs the hidden suite against it.
   *
   * @param variant what to grade
   * @return its report
   * @throws CompilationFailedException if it does not compile
   * @throws NoImplementationException if it has no class to test
   * @throws IOException if files cannot be written
   */
  public SuiteReport grade(Variant variant)
      throws CompilationFailedException, NoImplementationException, IOException {
    Path classes = work.resolve(variant.name() + "/classes");
    SourceCompiler.compile(variant.sourceDir(), classes);
    String implementation = Implementations.findOrderService(classes);
    return new SuiteRunner(PLACE_ORDER_TESTS)
        .run(new Submission(variant.name(), List.of(classes), implementation));
  }

  /**
   * Says what is wrong with a variant's score, if anything.
   *
   * @param variant the variant
   * @param report its report
   * @return a problem per line; empty if it scored as it must
   */
  public static List<String> problems(Variant variant, SuiteReport report) {
    List<String> problems = new ArrayList<>();
    Set<Category> lost = report.lostByCategory().keySet();
    switch (variant.kind()) {
      case REFERENCE -> {
        if (report.points() != report.maxPoints()) {
          problems.add("reference scored " + report.points() + "/" + report.maxPoints());
        }
      }
      case STARTER -> {
        if (report.points() != 0) {
          problems.add("starter scored " + report.points() + "/" + report.maxPoints());
        }
      }
      case BUGGY -> {
        for (Category c : variant.expectedLosses()) {
          if (!lost.contains(c)) {
            problems.add(variant.name() + " lost no points in " + c);
          }
        }
        for (Category c : lost) {
          if (!variant.expectedLosses().contains(c)) {
            problems.add(variant.name() + " also lost points in " + c);
          }
        }
      }
    }
    return problems;
  }

  private static Set<Category> expectedLosses(Path dir) throws IOException {
    Set<Category> losses = EnumSet.noneOf(Category.class);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith(EXPECT)) {
            for (String word : line.substring(EXPECT.length()).trim().split("\\s+")) {
              losses.add(Category.valueOf(word));
            }
          }
        }
      }
    }
    if (losses.isEmpty()) {
      throw new IOException(dir + " has no '" + EXPECT + " CATEGORY ...' line");
    }
    return losses;
  }
}
