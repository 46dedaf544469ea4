package org.txlab.grader.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.txlab.grader.hidden.Feedback;

/**
 * Runs a package of hidden tests against a submission with the JUnit Platform launcher.
 *
 * <p>{@link #plan()} enumerates every graded test and its points without running anything, so that
 * a test that never reports (its JVM died, say) counts as failed, never as missing. {@link #run}
 * runs in this JVM (trusted code: the reference, the fixtures); the sandboxed runner runs {@link
 * #execute} in a disposable child JVM instead.
 */
public final class SuiteRunner {
  private final String testPackage;
  private final boolean parallel;

  /**
   * Creates a runner for the hidden tests in one package that runs two test classes at a time.
   *
   * @param testPackage e.g. {@code org.txlab.grader.hidden.placeorder}
   */
  public SuiteRunner(String testPackage) {
    this(testPackage, true);
  }

  /**
   * Creates a runner for the hidden tests in one package.
   *
   * @param testPackage e.g. {@code org.txlab.grader.hidden.placeorder}
   * @param parallel whether two test classes may run at a time; the sandbox runs one test at a time
   *     so that a JVM's death is charged to the test that caused it
   */
  public SuiteRunner(String testPackage, boolean parallel) {
    this.testPackage = testPackage;
    this.parallel = parallel;
  }

  /** Receives test events from {@link #execute}. */
  public interface Events {
    /** A planned test started. */
    void started(PlannedTest test);

    /** A planned test finished: passed, or failed with a student-facing message. */
    void finished(PlannedTest test, boolean passed, String message, long millis);
  }

  /**
   * Enumerates the graded tests, running nothing.
   *
   * @return the tests in plan order
   * @throws IllegalStateException if the package holds no graded test
   */
  public List<PlannedTest> plan() {
    Launcher launcher = LauncherFactory.create();
    List<PlannedTest> planned =
        planned(launcher.discover(request(List.of(selectPackage(testPackage)), null, false)));
    if (planned.isEmpty()) {
      throw new IllegalStateException("no graded tests found in package " + testPackage);
    }
    return planned;
  }

  /**
   * Runs every graded test against the submission, in this JVM.
   *
   * @param submission the compiled student code
   * @return one result per graded test, in plan order
   */
  public SuiteReport run(Submission submission) {
    List<PlannedTest> plan = plan();
    Map<String, TestResult> results = new ConcurrentHashMap<>();
    execute(
        submission,
        plan,
        new Events() {
          @Override
          public void started(PlannedTest test) {}

          @Override
          public void finished(PlannedTest test, boolean passed, String message, long millis) {
            results.put(test.uniqueId(), result(test, passed, message, millis));
          }
        });
    List<TestResult> ordered = new ArrayList<>();
    for (PlannedTest test : plan) {
      TestResult r = results.get(test.uniqueId());
      ordered.add(r != null ? r : result(test, false, "[NOT_RUN] the test never reported", 0));
    }
    return new SuiteReport(submission.name(), ordered);
  }

  /**
   * Runs the given planned tests against the submission, in this JVM, reporting each event.
   *
   * @param submission the compiled student code
   * @param tests the tests to run, from {@link #plan()}
   * @param events where events go; called from test threads
   */
  public void execute(Submission submission, List<PlannedTest> tests, Events events) {
    Map<String, PlannedTest> byId = new ConcurrentHashMap<>();
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (PlannedTest t : tests) {
      byId.put(t.uniqueId(), t);
      selectors.add(selectUniqueId(t.uniqueId()));
    }
    Map<String, Long> started = new ConcurrentHashMap<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        request(selectors, submission, parallel),
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier test) {
            PlannedTest p = byId.get(test.getUniqueId());
            if (p != null) {
              started.put(p.uniqueId(), System.nanoTime());
              events.started(p);
            }
          }

          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            PlannedTest p = byId.get(test.getUniqueId());
            if (p != null) {
              long t0 = started.getOrDefault(p.uniqueId(), System.nanoTime());
              boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
              String message =
                  passed ? "" : result.getThrowable().map(SuiteRunner::describe).orElse("failed");
              events.finished(p, passed, message, (System.nanoTime() - t0) / 1_000_000);
            }
          }

          @Override
          public void executionSkipped(TestIdentifier test, String reason) {
            PlannedTest p = byId.get(test.getUniqueId());
            if (p != null) {
              events.finished(p, false, "[SKIPPED] " + reason, 0);
            }
          }
        });
  }

  /**
   * Builds the result of a planned test.
   *
   * @param test the test
   * @param passed whether it passed
   * @param message for a failure, the student-facing message
   * @param millis how long it ran
   * @return the result, with the hint if it failed
   */
  public static TestResult result(PlannedTest test, boolean passed, String message, long millis) {
    return new TestResult(
        test.id(),
        test.title(),
        test.category(),
        test.points(),
        passed,
        passed ? "" : message,
        passed ? "" : Feedback.get(test.hintKey()),
        millis);
  }

  private static LauncherDiscoveryRequest request(
      List<DiscoverySelector> selectors, Submission submission, boolean parallel) {
    LauncherDiscoveryRequestBuilder builder =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameter("junit.jupiter.execution.timeout.default", "60 s")
            .configurationParameter(
                "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
            // Test classes run two at a time: child-JVM starts and the lock holder's wait
            // overlap with the in-process tests. Tests inside a class stay sequential.
            .configurationParameter(
                "junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel))
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");
    if (submission != null) {
      builder
          .configurationParameter(
              Submission.CLASSPATH_PARAMETER,
              submission.classpath().stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(File.pathSeparator)))
          .configurationParameter(Submission.IMPLEMENTATION_PARAMETER, submission.implementation());
    }
    return builder.build();
  }

  private static List<PlannedTest> planned(TestPlan plan) {
    List<PlannedTest> planned = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        graded(test).ifPresent(planned::add);
      }
    }
    return planned;
  }

  private static Optional<PlannedTest> graded(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    if (!test.isTest() || source.isEmpty() || !(source.get() instanceof MethodSource ms)) {
      return Optional.empty();
    }
    Method method = ms.getJavaMethod();
    Graded graded = method.getAnnotation(Graded.class);
    if (graded == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PlannedTest(
            test.getUniqueId(),
            ms.getJavaClass().getSimpleName() + "." + ms.getMethodName(),
            test.getDisplayName(),
            graded.category(),
            graded.points(),
            graded.hint()));
  }

  /** Student language: an assertion's own message; otherwise class and message, no stack. */
  private static String describe(Throwable t) {
    if (t instanceof AssertionError) {
      return String.valueOf(t.getMessage()).strip();
    }
    return Feedback.get("unexpected", t.getClass().getName(), String.valueOf(t.getMessage()));
  }
}
