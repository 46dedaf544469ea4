package org.txlab.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.intake.BadSubmissionException;
import org.txlab.grader.intake.Intake;
import org.txlab.grader.intake.IntegrityScan;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.judge.AgentLauncher;
import org.txlab.grader.judge.AgentRefused;
import org.txlab.grader.judge.Hashes;
import org.txlab.grader.judge.Session;
import org.txlab.grader.judge.SubmissionDied;
import org.txlab.grader.quiz.Answer;
import org.txlab.grader.quiz.QuizKey;
import org.txlab.grader.quiz.QuizScore;
import org.txlab.grader.sandbox.Sandbox;
import org.txlab.grader.sandbox.SandboxConfig;
import org.txlab.grader.sandbox.Slot;
import org.txlab.grader.sources.CompilationFailedException;
import org.txlab.grader.sources.SourceCompiler;
import org.txlab.grader.sources.SourceFiles;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.SuiteReport;
import org.txlab.grader.suite.SuiteRunner;
import org.txlab.grader.suite.TestResult;

/**
 * Grades one hand-in at a time, end to end: its files taken apart, its sources compiled (here,
 * reading only), its code run in sandboxed submission JVMs and judged, exercise by exercise, by the
 * hidden tests running here. Whatever goes wrong with one hand-in ends in that student's result.
 */
public final class Grading implements AutoCloseable {
  private static final QuizKey QUIZ = QuizKey.load();
  private final List<Exercise> exercises;
  private final Map<String, SuiteRunner> runners = new LinkedHashMap<>();
  private final Map<String, List<PlannedTest>> plans = new LinkedHashMap<>();
  private final Sandbox sandbox;
  private final AgentLauncher launcher;
  private final SandboxConfig config;
  private final String key;

  /**
   * Sets grading up: plans every exercise's tests, before any student code runs.
   *
   * @param exercises the exercises to grade, in report order
   * @param config the sandbox's knobs
   * @param cache a directory of the grader's own (native library, class-data archive)
   * @param runtime the grader's classpath, hashed into the cache key
   * @throws IOException if the classpath cannot be read
   */
  public Grading(List<Exercise> exercises, SandboxConfig config, Path cache, List<Path> runtime)
      throws IOException {
    this.exercises = List.copyOf(exercises);
    this.config = config;
    this.sandbox = new Sandbox(config);
    this.launcher = new AgentLauncher(sandbox, cache);
    StringBuilder plan = new StringBuilder(config.toString()).append(sandbox.isolated());
    for (Exercise e : exercises) {
      SuiteRunner runner = new SuiteRunner(e);
      runners.put(e.id(), runner);
      plans.put(e.id(), runner.plan());
      plan.append(e.id()).append('\n');
      plans.get(e.id()).forEach(t -> plan.append(t).append('\n'));
    }
    this.key =
        Hashes.sha256(plan.toString().getBytes(StandardCharsets.UTF_8)) + Hashes.contentOf(runtime);
  }

  /** Returns the exercises graded. */
  public List<Exercise> exercises() {
    return exercises;
  }

  /** Returns each exercise's planned tests. */
  public Map<String, List<PlannedTest>> plans() {
    return plans;
  }

  /** Returns the sandbox. */
  public Sandbox sandbox() {
    return sandbox;
  }

  /** Returns the launcher of submission JVMs. */
  public AgentLauncher launcher() {
    return launcher;
  }

  /**
   * Returns a hash of everything that affects a grade but the hand-in: the grader's classes and
   * resources (hidden tests, hints, exercises), the sandbox's settings, the plans.
   */
  public String key() {
    return key;
  }

  /**
   * Grades one hand-in. Never throws: a problem ends in the result.
   *
   * @param s the hand-in
   * @param base the student's work directory (sources, classes)
   * @param slot the slot to run in
   * @param hash the hand-in's hash, stored with the result
   * @return the result
   */
  public StudentResult grade(StudentSubmission s, Path base, Slot slot, String hash) {
    try {
      return gradeOrThrow(s, base, slot, hash);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      String trouble =
          "[GRADER] grading this hand-in failed on the grader's side ("
              + t
              + "); this is a grader bug or a hand-in it cannot read: grade it again, and report"
              + " it if it persists";
      return new StudentResult(
          s.student(),
          s.origin(),
          hash,
          trouble,
          List.of(),
          null,
          List.of(),
          Set.of(),
          0,
          "",
          trouble,
          0,
          Map.of());
    }
  }

  private StudentResult gradeOrThrow(StudentSubmission s, Path base, Slot slot, String hash)
      throws IOException, InterruptedException {
    if (s.problem() != null) {
      return notGradable(s, hash, s.problem(), null, Set.of());
    }
    Path src = base.resolve("src");
    Path classes = base.resolve("classes");
    Intake.clean(src);
    Intake.clean(classes);
    Files.createDirectories(src);
    List<Answer> answers = new ArrayList<>();
    boolean notebooks = false;
    List<String> cells = new ArrayList<>();
    StringBuilder studentCode = new StringBuilder();
    boolean sources = false;
    try {
      for (Path f : s.files()) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (name.endsWith(".java")) {
          // javac wants UTF-8 and a file named after its public class; editors and downloads
          // give neither reliably.
          String text = SourceFiles.decode(Files.readAllBytes(f));
          Path target = src.resolve(base.resolve("files").relativize(f).toString());
          Path named =
              SourceFiles.publicTopLevelType(text)
                  .map(type -> target.resolveSibling(type + ".java"))
                  .filter(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                  .orElse(target);
          Files.createDirectories(named.getParent());
          Files.writeString(named, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
          sources = true;
          studentCode.append(text).append('\n');
        } else if (name.endsWith(".ipynb")) {
          NotebookSubmission nb = NotebookSubmission.read(f);
          // Graded questions are spread over notebooks: all answers count, the last one wins.
          nb.answers().forEach(a -> answers.add(new Answer(a[0], a[1])));
          notebooks = true;
          cells.addAll(nb.exerciseCells());
          nb.exerciseCells().forEach(c -> studentCode.append(c).append('\n'));
        }
      }
      if (!sources && cells.isEmpty()) {
        throw new BadSubmissionException(
            "[NO_EXERCISE] no exercise found: expected .java sources (e.g. PlaceOrder.java), or"
                + " notebook code cells tagged 'exercise'");
      }
    } catch (BadSubmissionException e) {
      return notGradable(s, hash, e.getMessage(), notebooks ? QUIZ.score(answers) : null, Set.of());
    }
    QuizScore quiz = notebooks ? QUIZ.score(answers) : null;
    Set<String> flags = new TreeSet<>(IntegrityScan.scan(studentCode.toString()));
    exercises.forEach(e -> flags.removeAll(e.allowedFlags()));
    String compileErrors = "";
    Map<String, Long> phases = new LinkedHashMap<>();
    // Spares for the kill tests start with the main JVM only when one exercise is graded: with
    // several, a hand-in mostly implements a few, and the rest are started once FIND says which.
    int spares = exercises.size() == 1 ? Math.max(0, exercises.get(0).killTests() - 1) : 0;
    int tests = plans.values().stream().mapToInt(List::size).sum();
    Path stage = sandbox.stage();
    Path classesDir =
        !sources ? null : stage != null ? stage.resolve("classes-" + slot.index()) : classes;
    if (classesDir != null) {
      Intake.clean(classesDir);
      Files.createDirectories(classesDir);
    }
    long t0 = System.nanoTime();
    // The submission JVMs start while javac compiles: their start costs no extra time.
    Session session =
        Session.start(launcher, sandbox, slot, new Session.Code(classesDir, cells), spares, tests);
    try {
      if (sources) {
        SourceCompiler.Outcome compiled;
        try {
          compiled = SourceCompiler.compileWhatCompiles(src, classesDir, Duration.ofSeconds(60));
        } catch (CompilationFailedException e) {
          session.close();
          return notGradable(s, hash, e.getMessage(), quiz, flags);
        }
        if (!compiled.compiled()) {
          session.close();
          return notGradable(
              s,
              hash,
              "[COMPILE_ERROR] your code does not compile: " + compiled.errors(),
              quiz,
              flags);
        }
        compileErrors = compiled.errors();
        readableByEveryone(classesDir);
        phases.put("compile", (System.nanoTime() - t0) / 1_000_000);
      }
      session.load();
      phases.put(
          sources ? "start" : "start+cells",
          (System.nanoTime() - t0) / 1_000_000 - phases.getOrDefault("compile", 0L));
    } catch (SubmissionDied e) {
      session.close();
      return notGradable(s, hash, e.getMessage() + " (while loading your code)", quiz, flags);
    } catch (RuntimeException | IOException e) {
      session.close();
      throw e;
    }
    List<ExerciseResult> results = new ArrayList<>();
    List<String> incidents = new ArrayList<>();
    String attention = "";
    try (session) {
      String cellProblem = cellProblem(session.cellFailures());
      Map<String, String> implementations = new LinkedHashMap<>();
      Map<String, String> missing = new LinkedHashMap<>();
      int planned = 0;
      String last = null;
      for (Exercise e : exercises) {
        try {
          implementations.put(
              e.id(),
              session.find(e.api().type(), e.api().preferredName(), e.api().constructorParams()));
          planned += plans.get(e.id()).size();
          last = e.id();
        } catch (AgentRefused | SubmissionDied m) {
          missing.put(e.id(), m.getMessage());
        }
      }
      session.expect(planned);
      for (Exercise e : exercises) {
        if (implementations.containsKey(e.id())) {
          // The last exercise's last kill test may take the main JVM: no test comes after it.
          session.spares(Math.max(0, e.killTests() - (e.id().equals(last) ? 1 : 0)));
        }
        ExerciseResult r =
            gradeExercise(
                e,
                session,
                implementations.get(e.id()),
                missing.get(e.id()),
                compileErrors,
                cellProblem);
        results.add(r);
        if (r.report() != null) {
          r.report()
              .results()
              .forEach(t -> phases.merge(e.id() + " " + t.category(), t.millis(), Long::sum));
        }
      }
      incidents.addAll(session.incidents());
      // A count, not milliseconds: what the benchmark's split reports beside the phases.
      phases.put("jvm starts", (long) session.jvmStarts());
      if (session.forgedLines() > 0) {
        // Which copy of a forged line came first is a race: no score of this hand-in is one the
        // judge can stand behind, so none counts, the same way on every run.
        flags.add("forged the grader's protocol");
        results.replaceAll(
            r ->
                new ExerciseResult(
                    r.exercise(),
                    "[FORGED] your code wrote "
                        + session.forgedLines()
                        + " line(s) in the grader's protocol on the channel it reads (fd 1): the"
                        + " results your code reported could not be told from forged ones, so none"
                        + " were counted. Print with System.out, which goes to your output.",
                    null,
                    r.maxPoints()));
      }
      if (session.forgedLines() > 0 || session.strayLines() > 0) {
        flags.add("wrote to the result channel");
      }
      if (!incidents.isEmpty()) {
        flags.add("ended the JVM");
      }
      if (session.bypassedTheSource()) {
        flags.add("changed the database behind its ConnectionSource");
      }
      for (ExerciseResult r : results) {
        if (r.report() != null
            && r.report().results().stream().anyMatch(TestResult::graderTrouble)) {
          attention = "a hidden test could not run on the grader's side (see [GRADER] in feedback)";
        }
      }
      return new StudentResult(
          s.student(),
          s.origin(),
          hash,
          null,
          results,
          quiz,
          incidents,
          flags,
          session.forgedLines(),
          session.output(),
          attention,
          0,
          phases);
    }
  }

  private ExerciseResult gradeExercise(
      Exercise e,
      Session session,
      String implementation,
      String missing,
      String compileErrors,
      String cellProblem) {
    List<PlannedTest> plan = plans.get(e.id());
    int max = plan.stream().mapToInt(PlannedTest::points).sum();
    if (implementation == null) {
      String why = "[NO_IMPLEMENTATION] " + missing.replaceFirst("^[\\w.]+: ", "");
      if (!compileErrors.isEmpty()) {
        why += "\nThese files did not compile:\n" + compileErrors;
      }
      if (!cellProblem.isEmpty()) {
        why = cellProblem + "\n" + why;
      }
      return new ExerciseResult(e.id(), why, null, max);
    }
    Map<String, TestResult> done = new LinkedHashMap<>();
    runners
        .get(e.id())
        .execute(
            session,
            implementation,
            plan,
            config.junitBackstop().toSeconds() + " s",
            (test, passed, message, hint, millis) ->
                done.put(test.uniqueId(), TestResult.of(test, passed, message, hint, millis)));
    List<TestResult> ordered = new ArrayList<>();
    for (PlannedTest t : plan) {
      ordered.add(
          done.getOrDefault(
              t.uniqueId(),
              TestResult.of(t, false, "[GRADER] the test never reported; grade again", 0)));
    }
    return new ExerciseResult(
        e.id(), null, new SuiteReport(e.id(), ordered, session.figures(e.id())), max);
  }

  private static String cellProblem(List<String> failures) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i + 1 < failures.size(); i += 2) {
      s.append("[CELL_ERROR] exercise cell ")
          .append(failures.get(i))
          .append(" fails, as it does in the notebook: ")
          .append(failures.get(i + 1))
          .append('\n');
    }
    return s.toString().strip();
  }

  private static StudentResult notGradable(
      StudentSubmission s, String hash, String problem, QuizScore quiz, Set<String> flags) {
    return new StudentResult(
        s.student(),
        s.origin(),
        hash,
        problem,
        List.of(),
        quiz,
        List.of(),
        flags,
        0,
        "",
        "",
        0,
        Map.of());
  }

  /** The slot's uid must read the compiled classes: they are the grader's files. */
  private static void readableByEveryone(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        p.toFile().setReadable(true, false);
        if (Files.isDirectory(p)) {
          p.toFile().setExecutable(true, false);
        }
      }
    }
  }

  /** Removes what the sandbox staged. */
  @Override
  public void close() {
    sandbox.close();
  }

  /** Compiles a small class once, so that javac's classes are loaded and warm. */
  static void warmCompiler() {
    try {
      Path dir = Files.createTempDirectory("txlab-warm");
      try {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(
            src.resolve("Warm.java"),
            "import org.txlab.placeorder.*; import java.sql.*;\n"
                + "public class Warm implements OrderService {\n"
                + "  private final ConnectionSource db;\n"
                + "  public Warm(ConnectionSource db) { this.db = db; }\n"
                + "  public Order placeOrder(long u, long p, int q) throws SQLException {\n"
                + "    try (Connection c = db.open()) { return new Order(1, u, p, q); }\n"
                + "  }\n}\n");
        SourceCompiler.compileWhatCompiles(src, dir.resolve("classes"), Duration.ofSeconds(30));
      } finally {
        Intake.clean(dir);
      }
    } catch (IOException | CompilationFailedException e) {
      // Only speed is lost.
    }
  }
}
