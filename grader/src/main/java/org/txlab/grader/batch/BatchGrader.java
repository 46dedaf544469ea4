package org.txlab.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.txlab.course.ChildJvm;
import org.txlab.grader.intake.BadSubmissionException;
import org.txlab.grader.intake.Intake;
import org.txlab.grader.intake.IntegrityScan;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.sandbox.CellFailureException;
import org.txlab.grader.sandbox.IsolatedRunner;
import org.txlab.grader.sources.CompilationFailedException;
import org.txlab.grader.sources.Implementations;
import org.txlab.grader.sources.NoImplementationException;
import org.txlab.grader.sources.SourceCompiler;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.Submission;
import org.txlab.kernel.engine.Engine;

/**
 * Grades a class: each student compiled in this JVM, tested in the sandbox, {@code --jobs} at a
 * time. A student's result is saved as soon as it is known, keyed by a hash of the hand-in and of
 * the test plan, so a re-run re-grades only what changed and a killed run resumes where it was.
 */
public final class BatchGrader {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private final IsolatedRunner runner;
  private final Path work;
  private final Path state;
  private final int jobs;
  private final PrintWriter progress;
  private final String planHash;

  /**
   * Creates a batch grader.
   *
   * @param runner the sandboxed test runner
   * @param work the work directory (student files, classes, scratch)
   * @param state where per-student results are kept between runs
   * @param jobs how many students at a time
   * @param progress where progress lines go
   */
  public BatchGrader(IsolatedRunner runner, Path work, Path state, int jobs, PrintWriter progress) {
    this.runner = runner;
    this.work = work;
    this.state = state;
    this.jobs = jobs;
    this.progress = progress;
    StringBuilder plan = new StringBuilder();
    for (PlannedTest t : runner.plan()) {
      plan.append(t.uniqueId()).append(t.points()).append('\n');
    }
    this.planHash = sha256(plan.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Grades every submission; never stops for one bad submission.
   *
   * @param submissions from the intake
   * @return one result per submission, in the same order
   * @throws IOException if the state directory cannot be written
   * @throws InterruptedException if interrupted
   */
  public List<StudentResult> grade(List<StudentSubmission> submissions)
      throws IOException, InterruptedException {
    Files.createDirectories(state);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<StudentResult>> futures = new ArrayList<>();
      for (StudentSubmission s : submissions) {
        futures.add(
            pool.submit(
                () -> {
                  boolean[] cached = {false};
                  StudentResult r = gradeOne(s, cached);
                  report(done.incrementAndGet(), submissions.size(), start, r, cached[0]);
                  return r;
                }));
      }
      List<StudentResult> results = new ArrayList<>();
      for (Future<StudentResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw new IOException("grading failed: " + e.getCause(), e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private void report(int done, int total, long start, StudentResult r, boolean cached) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-3);
    long left = Math.round((total - done) / rate);
    String score =
        r.gradable()
            ? r.points() + "/" + r.report().maxPoints()
            : "not gradable " + r.problem().split(" ", 2)[0];
    if (cached) {
      score += " (unchanged)";
    }
    synchronized (progress) {
      progress.printf(
          Locale.ROOT,
          "[%d/%d] %-20s %-28s %.2f/s, about %d s left%n",
          done,
          total,
          r.student(),
          score,
          rate,
          left);
      progress.flush();
    }
  }

  private StudentResult gradeOne(StudentSubmission s, boolean[] cached) throws IOException {
    String hash = hash(s);
    Path saved = state.resolve(s.student() + ".json");
    if (Files.exists(saved)) {
      StudentResult old = GSON.fromJson(Files.readString(saved), StudentResult.class);
      if (old != null && hash.equals(old.hash())) {
        cached[0] = true;
        return old;
      }
    }
    long t0 = System.nanoTime();
    StudentResult graded = gradeFresh(s, hash);
    StudentResult r =
        new StudentResult(
            graded.student(),
            graded.origin(),
            graded.hash(),
            graded.problem(),
            graded.report(),
            graded.quiz(),
            graded.incidents(),
            graded.flags(),
            graded.forgedLines(),
            graded.output(),
            (System.nanoTime() - t0) / 1_000_000);
    Path tmp = Files.createTempFile(state, ".result", ".tmp");
    Files.writeString(tmp, GSON.toJson(r), StandardCharsets.UTF_8);
    Files.move(tmp, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return r;
  }

  private StudentResult gradeFresh(StudentSubmission s, String hash) throws IOException {
    if (s.problem() != null) {
      return notGradable(s, hash, s.problem(), null, Set.of());
    }
    Path base = work.resolve(s.student());
    Path src = base.resolve("src");
    Path classes = base.resolve("classes");
    Intake.clean(src);
    Intake.clean(classes);
    Intake.clean(base.resolve("cells"));
    Files.createDirectories(src);
    QuizResult quiz = null;
    List<Path> sources = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder studentCode = new StringBuilder();
    try {
      for (Path f : s.files()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".java")) {
          Path target = src.resolve(base.resolve("files").relativize(f).toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
          sources.add(target);
          studentCode.append(Files.readString(target, StandardCharsets.ISO_8859_1)).append('\n');
        } else if (name.endsWith(".ipynb")) {
          NotebookSubmission nb = NotebookSubmission.read(f);
          quiz = Quiz.score(nb.answers());
          cells.addAll(nb.exerciseCells());
          nb.exerciseCells().forEach(c -> studentCode.append(c).append('\n'));
        }
      }
      if (sources.isEmpty() && cells.isEmpty()) {
        throw new BadSubmissionException(
            "[NO_EXERCISE] no exercise found: expected PlaceOrder.java, or a notebook code cell"
                + " tagged 'exercise'");
      }
    } catch (BadSubmissionException e) {
      return notGradable(s, hash, e.getMessage(), quiz, Set.of());
    }
    Set<String> flags = new TreeSet<>(IntegrityScan.scan(studentCode.toString()));
    String implementation;
    List<Path> classpath;
    try {
      if (!sources.isEmpty()) {
        SourceCompiler.compile(src, classes);
        classpath = List.of(classes);
      } else {
        // Notebook cells: evaluated by the kernel's own engine, in the sandbox, so that they
        // grade exactly as they ran in the notebook; their classes carry the kernel's checks.
        Path cellClasses = runner.compileCells(cells, base.resolve("cells"));
        classes = cellClasses;
        classpath = List.of(cellClasses, ChildJvm.codeSource(Engine.class));
      }
      implementation = Implementations.findOrderService(classes);
    } catch (CompilationFailedException | NoImplementationException | CellFailureException e) {
      return notGradable(s, hash, e.getMessage(), quiz, flags);
    }
    IsolatedRunner.Outcome outcome =
        runner.run(new Submission(s.student(), classpath, implementation), base.resolve("scratch"));
    if (outcome.forgedLines() > 0) {
      flags.add("wrote to the result channel");
    }
    if (!outcome.incidents().isEmpty()) {
      flags.add("ended the JVM");
    }
    return new StudentResult(
        s.student(),
        s.origin(),
        hash,
        null,
        outcome.report(),
        quiz,
        outcome.incidents(),
        flags,
        outcome.forgedLines(),
        outcome.output(),
        0);
  }

  private static StudentResult notGradable(
      StudentSubmission s, String hash, String problem, QuizResult quiz, Set<String> flags) {
    return new StudentResult(
        s.student(), s.origin(), hash, problem, null, quiz, List.of(), flags, 0, "", 0);
  }

  private String hash(StudentSubmission s) throws IOException {
    MessageDigest md = digest();
    md.update(planHash.getBytes(StandardCharsets.UTF_8));
    md.update(String.valueOf(s.problem()).getBytes(StandardCharsets.UTF_8));
    for (Path f : s.files()) {
      md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      md.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
