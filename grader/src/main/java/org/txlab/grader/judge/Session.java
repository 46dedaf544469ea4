package org.txlab.grader.judge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.txlab.grader.sandbox.Mount;
import org.txlab.grader.sandbox.Sandbox;
import org.txlab.grader.sandbox.SandboxConfig;
import org.txlab.grader.sandbox.Slot;

/**
 * One submission under the judge: its code, the submission JVMs that run it (a main one, restarted
 * after a death, and spares started ahead for the tests that kill a JVM), and the deadlines of the
 * submission and of the test running now. Hidden tests reach it through their harness.
 */
public final class Session implements AutoCloseable {
  private static final String CLASSES = "/txlab/classes";

  /**
   * The student's code: compiled classes, or notebook cells to evaluate.
   *
   * @param classes a directory of compiled classes, or {@code null}
   * @param cells the exercise cells' sources in notebook order, or empty
   */
  public record Code(Path classes, List<String> cells) {}

  private final AgentLauncher launcher;
  private final Sandbox sandbox;
  private final Slot slot;
  private final Code code;
  private final SandboxConfig config;
  private final Deadline submission;
  private final List<String> incidents = new ArrayList<>();
  private final List<AgentProcess> all = new ArrayList<>();
  private final List<AgentProcess> spares = new ArrayList<>();
  private final StringBuilder output = new StringBuilder();
  private List<String> cellFailures = List.of();
  private AgentProcess main;
  private CompletableFuture<Void> warming;
  // After a death: the next replacement, started while the next test runs (code that dies once
  // often dies in every test, and each restart would otherwise wait for a whole JVM start).
  private CompletableFuture<AgentProcess> standby;
  private boolean bypassed;
  private final Map<String, Map<String, String>> figures = new java.util.TreeMap<>();
  private volatile Deadline test;
  private volatile String testTitle = "";
  private int testsLeft;
  private int worlds;

  private Session(AgentLauncher launcher, Sandbox sandbox, Slot slot, Code code) {
    this.launcher = launcher;
    this.sandbox = sandbox;
    this.slot = slot;
    this.code = code;
    this.config = sandbox.config();
    this.submission = Deadline.in(config.submissionTimeout(), "the submission");
    this.test = submission;
  }

  /**
   * Starts a session: empties the slot's scratch, writes the notebook cells (if any) there, and
   * starts the main submission JVM and {@code spares} more for tests that kill one, all in parallel
   * and before the student's code is ready (compiling overlaps their start). Call {@link #load}
   * once the code is in place.
   *
   * @param launcher starts JVMs
   * @param sandbox the sandbox
   * @param slot the slot to run in
   * @param code the student's code; its classes directory may still be empty
   * @param spares how many JVMs to start ahead for kill tests
   * @param tests how many tests will run, so that the last one may kill the main JVM
   * @return the session; close it to stop every JVM
   * @throws IOException if the scratch cannot be prepared
   */
  public static Session start(
      AgentLauncher launcher, Sandbox sandbox, Slot slot, Code code, int spares, int tests)
      throws IOException {
    slot.reset();
    Session s = new Session(launcher, sandbox, slot, code);
    s.testsLeft = tests;
    if (!code.cells().isEmpty()) {
      Path dir = slot.directory("cells");
      for (int i = 0; i < code.cells().size(); i++) {
        Path cell = dir.resolve("cell-" + (i + 1) + ".jsh");
        Files.writeString(cell, code.cells().get(i), StandardCharsets.UTF_8);
        slot.own(cell);
      }
      slot.directory("cell-classes");
    }
    s.main = launcher.startAsync(slot, s.mounts());
    s.all.add(s.main);
    for (int i = 0; i < spares; i++) {
      AgentProcess spare = launcher.startAsync(slot, s.mounts());
      s.all.add(spare);
      s.spares.add(spare);
    }
    return s;
  }

  /**
   * Loads the student's code into the main JVM (evaluating notebook cells there), then, in the
   * background, into the spares.
   *
   * @throws GraderTrouble if the main JVM does not start
   * @throws SubmissionDied if it dies loading the code
   */
  public void load() {
    main.awaitReady();
    load(main, true);
    List<AgentProcess> ready = List.copyOf(spares);
    warming = CompletableFuture.runAsync(() -> loadSpares(ready));
  }

  /**
   * Says how many tests will run, once the exercises the code implements are known, so that the
   * last one may kill the main JVM.
   *
   * @param tests how many tests will run
   */
  public synchronized void expect(int tests) {
    testsLeft = tests;
  }

  /**
   * Makes sure {@code wanted} spares are started for the kill tests coming next, and loads the code
   * into the new ones in the background. Called before each exercise, so that JVMs start while its
   * first tests run and only for exercises the code implements. Spares are only for speed: a kill
   * test without one gets a new JVM.
   *
   * @param wanted the spares the next exercise's kill tests need
   */
  public synchronized void spares(int wanted) {
    List<AgentProcess> started = new ArrayList<>();
    for (int i = spares.size(); i < wanted; i++) {
      AgentProcess spare = launcher.startAsync(slot, mounts());
      all.add(spare);
      spares.add(spare);
      started.add(spare);
    }
    if (started.isEmpty()) {
      return;
    }
    CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> loadSpares(started));
    warming = warming == null ? loading : CompletableFuture.allOf(warming, loading);
  }

  private void loadSpares(List<AgentProcess> ready) {
    for (AgentProcess spare : ready) {
      try {
        spare.awaitReady();
        load(spare, false);
      } catch (RuntimeException e) {
        // A spare that failed is replaced when a test asks for it.
      }
    }
  }

  /** Returns the failures of notebook cells, as pairs of cell number and message. */
  public List<String> cellFailures() {
    return cellFailures;
  }

  /**
   * Finds the class implementing an exercise.
   *
   * @param api the interface
   * @param preferred the class name to prefer among several
   * @param constructorParams the constructor's parameter types
   * @return the class's name
   * @throws AgentRefused with a student-facing message if there is none
   */
  public String find(String api, String preferred, List<String> constructorParams) {
    List<String> args = new ArrayList<>(List.of(api, preferred));
    args.addAll(constructorParams);
    return main().command(callDeadline(), "FIND", args.toArray(String[]::new)).get(0);
  }

  /** Notes that the code changed the database on a connection its source did not open. */
  public synchronized void bypassed() {
    bypassed = true;
  }

  /** Tells whether the code changed the database on a connection its source did not open. */
  public synchronized boolean bypassedTheSource() {
    return bypassed;
  }

  /**
   * Records a figure a hidden test measured, for feedback and the class summary (e.g. {@code fsyncs
   * per commit}). A later value of the same name replaces an earlier one.
   *
   * @param exercise the exercise's id
   * @param name what it measures
   * @param value its value, as shown
   */
  public synchronized void figure(String exercise, String name, String value) {
    figures.computeIfAbsent(exercise, e -> new java.util.LinkedHashMap<>()).put(name, value);
  }

  /** Returns the figures recorded for an exercise, in the order first recorded. */
  public synchronized Map<String, String> figures(String exercise) {
    return java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(figures.getOrDefault(exercise, Map.of())));
  }

  /** Returns the main submission JVM, restarting it if it died. */
  public synchronized AgentProcess main() {
    if (main == null || !main.alive()) {
      main = replacement();
    }
    return main;
  }

  /** A JVM with the code loaded instead of one that died: the standby if it is ready, else new. */
  private AgentProcess replacement() {
    AgentProcess p = null;
    if (standby != null) {
      try {
        p = standby.join();
      } catch (RuntimeException e) {
        // It failed to start or to load the code: start another, in the foreground.
      }
      standby = null;
    }
    if (p == null || !p.alive()) {
      p = fresh();
    }
    if (testsLeft > 1) {
      AgentProcess next = launcher.startAsync(slot, mounts());
      all.add(next);
      standby =
          CompletableFuture.supplyAsync(
              () -> {
                next.awaitReady();
                load(next, false);
                return next;
              });
    }
    return p;
  }

  /**
   * Returns a JVM a test may kill: a spare started ahead, else the main one if no test comes after
   * this one, else a new one.
   *
   * @return the JVM, with the student's code loaded
   */
  public synchronized AgentProcess killable() {
    if (warming != null) {
      warming.join();
    }
    while (!spares.isEmpty()) {
      AgentProcess spare = spares.remove(0);
      if (spare.alive() && spare.loaded()) {
        return spare;
      }
    }
    if (testsLeft <= 1 || main == null || !main.alive()) {
      AgentProcess m = main();
      main = null;
      return m;
    }
    return fresh();
  }

  private AgentProcess fresh() {
    AgentProcess p = launcher.start(slot, mounts());
    all.add(p);
    load(p, false);
    return p;
  }

  private List<Mount> mounts() {
    return code.classes() == null ? List.of() : List.of(Mount.readOnly(code.classes(), CLASSES));
  }

  private void load(AgentProcess p, boolean first) {
    Deadline d = Deadline.in(config.testTimeout(), "loading your code").min(submission);
    if (code.classes() != null) {
      p.command(d, "CLASSES", sandbox.seen(Mount.readOnly(code.classes(), CLASSES)));
    } else if (first) {
      cellFailures =
          p.command(
              d,
              "CELLS",
              seen(slot.scratch().resolve("cells")),
              seen(slot.scratch().resolve("cell-classes")));
    } else {
      p.command(d, "CLASSES", seen(slot.scratch().resolve("cell-classes")));
    }
    p.markLoaded();
  }

  /**
   * A test begins: its deadline starts.
   *
   * @param title the test's title, for incidents
   */
  public void beginTest(String title) {
    testTitle = title;
    test = Deadline.in(config.testTimeout(), "the test").min(submission);
  }

  /** The running test ended. */
  public synchronized void endTest() {
    testsLeft--;
    test = submission;
  }

  /** Returns the running test's deadline. */
  public Deadline testDeadline() {
    return test;
  }

  /** Returns the deadline of one call of student code in the running test. */
  public Deadline callDeadline() {
    return Deadline.in(config.callTimeout(), "the call").min(test);
  }

  /** Tells whether the submission's whole time is used up. */
  public boolean outOfTime() {
    return submission.passed();
  }

  /** Returns the submission's deadline. */
  public Deadline submissionDeadline() {
    return submission;
  }

  /**
   * Notes that a JVM died during the running test.
   *
   * @param reason the death's reason
   */
  public synchronized void died(String reason) {
    incidents.add(reason + " during '" + testTitle + "'");
  }

  /** Returns each JVM death, with the test it happened in. */
  public synchronized List<String> incidents() {
    return List.copyOf(incidents);
  }

  /**
   * Makes a directory in the scratch for one test's files.
   *
   * @param prefix e.g. {@code w}
   * @return its host path
   * @throws IOException if it cannot be made
   */
  public synchronized Path newDirectory(String prefix) throws IOException {
    return slot.directory(prefix + "/" + (++worlds));
  }

  /**
   * Returns where a path in the scratch appears to the submission JVMs.
   *
   * @param host a path under the slot's scratch
   * @return the path they use
   */
  public String seen(Path host) {
    Path rel = slot.scratch().relativize(host);
    return sandbox.isolated() ? Sandbox.WORK + "/" + rel : host.toString();
  }

  /** Returns the slot (e.g. to hand files to its uid). */
  public Slot slot() {
    return slot;
  }

  /** Returns the knobs. */
  public SandboxConfig config() {
    return config;
  }

  /** Returns how many lines on the JVMs' channels broke the protocol's books (forged). */
  public synchronized int forgedLines() {
    return all.stream().mapToInt(AgentProcess::forgedLines).sum();
  }

  /** Returns how many submission JVMs this hand-in started (spares and restarts included). */
  public synchronized int jvmStarts() {
    return all.size();
  }

  /** Returns how many lines on the JVMs' channels were not the protocol's at all. */
  public synchronized int strayLines() {
    return all.stream().mapToInt(AgentProcess::strayLines).sum();
  }

  /** Returns the start of what the student's code printed, across JVMs. */
  public synchronized String output() {
    StringBuilder s = new StringBuilder(output);
    for (AgentProcess p : all) {
      if (s.length() >= SandboxConfig.OUTPUT_KEPT_CHARS) {
        break;
      }
      s.append(p.output());
    }
    return s.length() > SandboxConfig.OUTPUT_KEPT_CHARS
        ? s.substring(0, SandboxConfig.OUTPUT_KEPT_CHARS)
        : s.toString();
  }

  /** Stops every JVM and empties the scratch. */
  @Override
  public synchronized void close() {
    if (warming != null) {
      warming.cancel(false);
    }
    if (standby != null) {
      standby.cancel(false);
    }
    for (AgentProcess p : all) {
      p.close();
    }
    for (AgentProcess p : all) {
      p.awaitExit(Duration.ofSeconds(10));
    }
    try {
      slot.reset();
    } catch (IOException e) {
      // The next session resets it again.
    }
  }
}
