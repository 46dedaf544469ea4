package org.txlab.grader.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.judge.AgentRefused;
import org.txlab.grader.judge.GraderTrouble;
import org.txlab.grader.judge.ProtocolException;
import org.txlab.grader.judge.Session;
import org.txlab.grader.judge.SubmissionDied;

/**
 * Runs an exercise's hidden tests in this JVM, the judge, with the JUnit Platform launcher. The
 * tests drive the student's code in sandboxed submission JVMs through a {@link Session}; no student
 * code runs here.
 *
 * <p>{@link #plan()} enumerates every graded test and its points without running anything, so that
 * a test that never reports counts as failed, never as missing. Tests of one submission run one at
 * a time, in a fixed order (classes and methods by {@code @Order}, then by name), so that the same
 * code meets the same tests in the same order every time.
 */
public final class SuiteRunner {
  private final Exercise exercise;

  /**
   * Creates a runner for an exercise's hidden tests.
   *
   * @param exercise the exercise
   */
  public SuiteRunner(Exercise exercise) {
    this.exercise = exercise;
  }

  /** Receives test events from {@link #execute}. */
  public interface Events {
    /**
     * A planned test finished: passed, or failed with a student-facing message.
     *
     * @param test the test
     * @param passed whether it passed
     * @param message why not; empty when passed
     * @param hintKey the hint that fits the failure; the test's own unless the failure says
     * @param millis how long it ran
     */
    void finished(PlannedTest test, boolean passed, String message, String hintKey, long millis);
  }

  /**
   * Enumerates the graded tests, running nothing.
   *
   * @return the tests in plan order
   * @throws IllegalStateException if the package holds no graded test, or a test names a category
   *     its exercise does not have
   */
  public List<PlannedTest> plan() {
    Launcher launcher = LauncherFactory.create();
    List<PlannedTest> planned =
        planned(
            launcher.discover(request(List.of(selectPackage(exercise.testPackage())), null, null)));
    if (planned.isEmpty()) {
      throw new IllegalStateException("no graded tests found in package " + exercise.testPackage());
    }
    List<String> categories = exercise.categories().stream().map(Exercise.Category::name).toList();
    for (PlannedTest t : planned) {
      if (!categories.contains(t.category())) {
        throw new IllegalStateException(
            t.id()
                + " names category '"
                + t.category()
                + "'; "
                + exercise.id()
                + " has "
                + categories);
      }
    }
    return planned;
  }

  /**
   * Runs planned tests against a submission, reporting each; a test that does not report is
   * reported failed.
   *
   * @param session the submission's session
   * @param implementation the class under test
   * @param tests the tests to run, from {@link #plan()}
   * @param timeoutBackstop JUnit's timeout per test, e.g. {@code "60 s"}
   * @param events where results go
   */
  public void execute(
      Session session,
      String implementation,
      List<PlannedTest> tests,
      String timeoutBackstop,
      Events events) {
    Map<String, PlannedTest> byId = new ConcurrentHashMap<>();
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (PlannedTest t : tests) {
      byId.put(t.uniqueId(), t);
      selectors.add(selectUniqueId(t.uniqueId()));
    }
    Map<String, Long> started = new ConcurrentHashMap<>();
    Map<String, Boolean> reported = new ConcurrentHashMap<>();
    String key = SuiteContext.register(new SuiteContext(session, exercise, implementation));
    try {
      LauncherFactory.create()
          .execute(
              request(selectors, key, timeoutBackstop),
              new TestExecutionListener() {
                @Override
                public void executionStarted(TestIdentifier test) {
                  PlannedTest p = byId.get(test.getUniqueId());
                  if (p != null) {
                    started.put(p.uniqueId(), System.nanoTime());
                    session.beginTest(p.title());
                  }
                }

                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                  PlannedTest p = byId.get(test.getUniqueId());
                  if (p != null) {
                    session.endTest();
                    long t0 = started.getOrDefault(p.uniqueId(), System.nanoTime());
                    boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                    String message =
                        passed
                            ? ""
                            : result.getThrowable().map(t -> describe(t, session)).orElse("failed");
                    String hint =
                        result
                            .getThrowable()
                            .filter(HintedFailure.class::isInstance)
                            .map(t -> ((HintedFailure) t).hintKey())
                            .orElse(p.hintKey());
                    reported.put(p.uniqueId(), true);
                    events.finished(p, passed, message, hint, (System.nanoTime() - t0) / 1_000_000);
                  }
                }

                @Override
                public void executionSkipped(TestIdentifier test, String reason) {
                  PlannedTest p = byId.get(test.getUniqueId());
                  if (p != null) {
                    reported.put(p.uniqueId(), true);
                    events.finished(p, false, "[SKIPPED] " + reason, p.hintKey(), 0);
                  }
                }
              });
    } finally {
      SuiteContext.unregister(key);
    }
    for (PlannedTest t : tests) {
      if (!reported.containsKey(t.uniqueId())) {
        events.finished(t, false, "[GRADER] the test never reported; grade again", t.hintKey(), 0);
      }
    }
  }

  private static LauncherDiscoveryRequest request(
      List<DiscoverySelector> selectors, String contextKey, String timeoutBackstop) {
    LauncherDiscoveryRequestBuilder builder =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameter(
                "junit.jupiter.testclass.order.default",
                "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
            .configurationParameter(
                "junit.jupiter.testmethod.order.default",
                "org.junit.jupiter.api.MethodOrderer$OrderAnnotation")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    if (timeoutBackstop != null) {
      builder
          .configurationParameter("junit.jupiter.execution.timeout.default", timeoutBackstop)
          .configurationParameter(
              "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
    }
    if (contextKey != null) {
      builder.configurationParameter(SuiteContext.PARAMETER, contextKey);
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

  /** Student language: an assertion's own message, a JVM's death; never a stack trace. */
  private static String describe(Throwable t, Session session) {
    if (t instanceof AssertionError) {
      return String.valueOf(t.getMessage()).strip();
    }
    if (t instanceof SubmissionDied) {
      session.died(t.getMessage());
      return t.getMessage();
    }
    if (t instanceof AgentRefused) {
      // The agent runs inside the student's JVM: it refuses when that JVM cannot do what the
      // test asked (no thread can be started, no memory is left).
      return "[REFUSED] your JVM could not run the test's call: " + t.getMessage();
    }
    if (t instanceof GraderTrouble) {
      return t.getMessage();
    }
    if (t instanceof ProtocolException) {
      return "[PROTOCOL] the grader's channel carried something that is not the grader's ("
          + t.getMessage()
          + "): your code wrote to it";
    }
    if (t instanceof java.util.concurrent.TimeoutException) {
      return "[GRADER] the test did not finish in time on the grader's side: " + t.getMessage();
    }
    return "[GRADER] the hidden test failed unexpectedly: " + t;
  }
}
