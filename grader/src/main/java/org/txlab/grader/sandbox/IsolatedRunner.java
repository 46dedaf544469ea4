package org.txlab.grader.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.Submission;
import org.txlab.grader.suite.SuiteReport;
import org.txlab.grader.suite.SuiteRunner;
import org.txlab.grader.suite.TestResult;

/**
 * The trusted parent: runs a submission's hidden tests in disposable sandboxed child JVMs.
 *
 * <p>The plan (every test and its points) is fixed here before any student code runs. A child
 * reports over the nonce-tagged channel; when it dies (exit, halt, out of memory, output flood, a
 * test over its deadline), the test it was running fails with that reason and the tests not yet run
 * go to a fresh child. Tests run one at a time in a child, so a death is charged to exactly the
 * test that caused it.
 */
public final class IsolatedRunner {
  private static final String EOF = "\u0000eof";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final java.util.regex.Pattern JVM_LINE =
      java.util.regex.Pattern.compile(
          "^(Terminating due to java\\.lang\\.OutOfMemoryError|#|Exception in thread|\\[[0-9.]+s\\])");

  /**
   * The outcome of grading one submission in the sandbox.
   *
   * @param report the per-test results, in plan order
   * @param output the start of what the student's code printed (capped)
   * @param incidents each JVM death, as {@code [CODE] what happened}
   * @param forgedLines lines on the result channel without the run's nonce (forgery attempts)
   */
  public record Outcome(
      SuiteReport report, String output, List<String> incidents, int forgedLines) {}

  private final String testPackage;
  private final List<PlannedTest> plan;
  private final Sandbox sandbox;
  private final SandboxConfig config;
  private final List<Path> runtime;

  /**
   * Creates a runner; enumerates the tests now.
   *
   * @param testPackage the hidden tests' package
   * @param config the sandbox's knobs
   * @param runtime the grader's own classpath (jars or class directories)
   */
  public IsolatedRunner(String testPackage, SandboxConfig config, List<Path> runtime) {
    this.testPackage = testPackage;
    this.plan = new SuiteRunner(testPackage).plan();
    this.sandbox = new Sandbox(config);
    this.config = config;
    this.runtime = List.copyOf(runtime);
  }

  /** Returns the sandbox, e.g. for its {@link Sandbox#warning()}. */
  public Sandbox sandbox() {
    return sandbox;
  }

  /** Returns the planned tests. */
  public List<PlannedTest> plan() {
    return plan;
  }

  /**
   * Grades one submission.
   *
   * @param submission the compiled student code
   * @param scratchRoot a directory for this submission's scratch directories
   * @return the outcome
   * @throws IOException if a child cannot be started
   */
  public Outcome run(Submission submission, Path scratchRoot) throws IOException {
    Map<String, TestResult> results = new LinkedHashMap<>();
    List<PlannedTest> remaining = new ArrayList<>(plan);
    List<String> incidents = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    int forged = 0;
    long deadline = System.nanoTime() + config.submissionTimeout().toNanos();
    // The first JVM runs two test classes at a time (child-JVM starts overlap); after any death
    // the rest run one test at a time.
    boolean parallel = true;
    for (int attempt = 1; !remaining.isEmpty(); attempt++) {
      if (System.nanoTime() > deadline) {
        for (PlannedTest t : remaining) {
          results.put(
              t.uniqueId(),
              SuiteRunner.result(
                  t,
                  false,
                  "[TIMEOUT] the submission used up its "
                      + config.submissionTimeout().toSeconds()
                      + " s before this test could run",
                  0));
        }
        break;
      }
      Attempt a =
          attempt(submission, remaining, scratchRoot.resolve("run-" + attempt), output, parallel);
      forged += a.forged;
      for (Map.Entry<String, TestResult> e : a.finished.entrySet()) {
        results.put(e.getKey(), e.getValue());
      }
      remaining.removeIf(t -> results.containsKey(t.uniqueId()));
      if (!remaining.isEmpty()) {
        if (parallel && a.running.size() > 1) {
          // Two tests ran when the JVM died: which one caused it is unknown, so charge neither
          // and rerun the rest one at a time, where a death names its test.
          parallel = false;
          continue;
        }
        PlannedTest victim =
            remaining.stream()
                .filter(t -> a.running.contains(t.uniqueId()))
                .findFirst()
                .orElse(remaining.get(0));
        incidents.add(a.reason + " during '" + victim.title() + "'");
        results.put(victim.uniqueId(), SuiteRunner.result(victim, false, a.reason, 0));
        remaining.remove(victim);
        parallel = false;
      }
    }
    List<TestResult> ordered = new ArrayList<>();
    for (PlannedTest t : plan) {
      ordered.add(results.get(t.uniqueId()));
    }
    return new Outcome(
        new SuiteReport(submission.name(), ordered), output.toString(), incidents, forged);
  }

  /**
   * Evaluates a notebook's exercise cells with the kernel's engine in the sandbox, as the kernel
   * would, and returns the directory with the classes they declared.
   *
   * @param cells the cells' sources, in notebook order
   * @param scratch this step's scratch directory
   * @return the classes directory
   * @throws CellFailureException if a cell fails as it would in the notebook
   * @throws IOException if the child cannot be started
   */
  public Path compileCells(List<String> cells, Path scratch)
      throws IOException, CellFailureException {
    Files.createDirectories(scratch);
    Files.writeString(
        scratch.resolve("cells.json"),
        new com.google.gson.Gson().toJson(cells),
        StandardCharsets.UTF_8);
    List<String> command =
        sandbox.command(
            runtime,
            List.of(),
            scratch,
            CellsChild.class.getName(),
            List.of(Sandbox.WORK + "/cells.json", Sandbox.WORK + "/classes"));
    String nonce = nonce();
    StringBuilder output = new StringBuilder();
    Started child = start(command, nonce + "\n", output);
    Process process = child.process();
    BlockingQueue<String> lines = child.lines();
    Thread err = child.stderrReader();
    try {
      long deadline = System.nanoTime() + config.testTimeout().toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new CellFailureException(
              "[CELL_TIMEOUT] the exercise cells did not finish within "
                  + config.testTimeout().toSeconds()
                  + " s; a cell that loops or waits forever also hangs in the notebook");
        }
        if (line.equals(EOF)) {
          killTree(process);
          err.join(5000);
          throw new CellFailureException(
              "[CELL_ERROR] evaluating the exercise cells ended the JVM (exit code "
                  + waitFor(process)
                  + "); "
                  + tail(output).lines().findFirst().orElse("no output"));
        }
        if (line.equals(nonce + " DONE")) {
          return scratch.resolve("classes");
        }
        if (line.startsWith(nonce + " ERROR ")) {
          String[] parts = line.substring(nonce.length() + 7).split("\t", 2);
          throw new CellFailureException(
              "[CELL_ERROR] exercise cell "
                  + parts[0]
                  + " fails, as it does in the notebook: "
                  + Channel.unescape(parts.length > 1 ? parts[1] : ""));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      killTree(process);
    }
  }

  private static final class Attempt {
    final Map<String, TestResult> finished = new LinkedHashMap<>();
    final Set<String> running = new LinkedHashSet<>();
    String reason = "";
    int forged;
  }

  private Attempt attempt(
      Submission submission,
      List<PlannedTest> tests,
      Path scratch,
      StringBuilder output,
      boolean parallel)
      throws IOException {
    Files.createDirectories(scratch);
    List<String> command =
        sandbox.command(
            runtime,
            submission.classpath(),
            scratch,
            GradingChild.class.getName(),
            List.of(
                testPackage,
                submission.implementation(),
                Sandbox.SUBMISSION,
                parallel ? "parallel" : "sequential"));
    String nonce = nonce();
    StringBuilder request = new StringBuilder(nonce).append('\n');
    tests.forEach(t -> request.append(t.uniqueId()).append('\n'));
    Started child = start(command, request.append('\n').toString(), output);
    Process process = child.process();
    BlockingQueue<String> lines = child.lines();
    AtomicBoolean flooded = child.flooded();
    Thread stderrReader = child.stderrReader();
    Map<String, PlannedTest> byId = new LinkedHashMap<>();
    tests.forEach(t -> byId.put(t.uniqueId(), t));
    Attempt a = new Attempt();
    boolean done = false;
    boolean timedOut = false;
    StringBuilder childNotes = new StringBuilder();
    try {
      while (!done) {
        String line = lines.poll(config.testTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
          timedOut = true;
          break;
        }
        if (line.equals(EOF)) {
          break;
        }
        if (!line.startsWith(nonce + " ")) {
          // The JVM itself writes a few lines on fd 1 as it dies; those are not forgeries.
          if (!JVM_LINE.matcher(line).find()) {
            a.forged++;
          }
          if (childNotes.length() < 2000) {
            childNotes.append(line).append('\n');
          }
          continue;
        }
        String event = line.substring(nonce.length() + 1);
        if (event.equals(Channel.DONE)) {
          done = true;
        } else if (event.startsWith(Channel.START + " ")) {
          a.running.add(event.substring(Channel.START.length() + 1));
        } else if (event.startsWith(Channel.END + " ")) {
          String[] parts = event.substring(Channel.END.length() + 1).split(" ", 3);
          String[] idAndMessage = parts[2].split("\t", 2);
          PlannedTest t = byId.get(idAndMessage[0]);
          if (t != null) {
            a.running.remove(t.uniqueId());
            a.finished.put(
                t.uniqueId(),
                SuiteRunner.result(
                    t,
                    parts[0].equals("PASS"),
                    Channel.unescape(idAndMessage.length > 1 ? idAndMessage[1] : ""),
                    Long.parseLong(parts[1])));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      killTree(process);
    }
    int code = waitFor(process);
    try {
      // The pipe closes with the process; take what it printed before judging why it ended.
      stderrReader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String said = childNotes + " " + tail(output);
    if (flooded.get()) {
      a.reason =
          "[OUTPUT_FLOOD] your code printed more than "
              + (config.outputCapBytes() >> 20)
              + " MB; the JVM was stopped";
    } else if (timedOut) {
      a.reason =
          "[TIMEOUT] the test ran longer than "
              + config.testTimeout().toSeconds()
              + " s (an endless loop, or a wait that never ends); the JVM was stopped";
    } else if (said.contains("unable to create native thread")
        || said.contains("unable to create new native thread")) {
      a.reason = "[OUT_OF_MEMORY] your code started more threads than the sandbox allows";
    } else if (said.contains("OutOfMemoryError")) {
      a.reason = "[OUT_OF_MEMORY] your code used more than the " + config.heapMb() + " MB heap";
    } else {
      a.reason =
          "[EXIT] the JVM ended with code "
              + code
              + " while this test ran: System.exit, Runtime.halt or a crash in your code";
    }
    return a;
  }

  /** A started child: its result-channel lines, its stderr reader, whether it flooded. */
  private record Started(
      Process process, BlockingQueue<String> lines, Thread stderrReader, AtomicBoolean flooded) {}

  private static String nonce() {
    return HexFormat.of().formatHex(RANDOM.generateSeed(16));
  }

  /**
   * Starts a child, writes its whole stdin (the nonce first), and starts reading fd 1 into lines
   * and fd 2, capped, into {@code output}.
   */
  private Started start(List<String> command, String stdinText, StringBuilder output)
      throws IOException {
    Process process = new ProcessBuilder(command).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(stdinText.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The child died before reading; its EOF on fd 1 says so.
    }
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    AtomicBoolean flooded = new AtomicBoolean();
    daemon(() -> readLines(process.getInputStream(), lines));
    Thread stderrReader =
        daemon(
            () -> readCapped(process.getErrorStream(), output, new AtomicLong(), flooded, process));
    return new Started(process, lines, stderrReader, flooded);
  }

  private static void readLines(InputStream in, BlockingQueue<String> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line.length() > 100_000 ? line.substring(0, 100_000) : line);
      }
    } catch (IOException e) {
      // The child is gone.
    } finally {
      lines.add(EOF);
    }
  }

  private void readCapped(
      InputStream in,
      StringBuilder kept,
      AtomicLong total,
      AtomicBoolean flooded,
      Process process) {
    byte[] buffer = new byte[65536];
    try (in) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        synchronized (kept) {
          if (kept.length() < SandboxConfig.OUTPUT_KEPT_CHARS) {
            String s = new String(buffer, 0, n, StandardCharsets.UTF_8);
            kept.append(
                s, 0, Math.min(s.length(), SandboxConfig.OUTPUT_KEPT_CHARS - kept.length()));
          }
        }
        if (total.addAndGet(n) > config.outputCapBytes() && !flooded.getAndSet(true)) {
          killTree(process);
        }
      }
    } catch (IOException e) {
      // The child is gone.
    }
  }

  private static String tail(StringBuilder output) {
    synchronized (output) {
      return output.toString();
    }
  }

  private static void killTree(Process process) {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.toHandle().destroyForcibly();
  }

  private static int waitFor(Process process) {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      return process.isAlive() ? -1 : process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static Thread daemon(Runnable body) {
    Thread t = new Thread(body, "sandbox-io");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
