package org.txlab.grader.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
 * <p>Every graded test and its points are enumerated from the test plan before any test runs, so a
 * test that never reports (its JVM died, say) still counts as failed, never as missing.
 */
public final class SuiteRunner {
  private final String testPackage;

  /**
   * Creates a runner for the hidden tests in one package.
   *
   * @param testPackage e.g. {@code org.txlab.grader.hidden.placeorder}
   */
  public SuiteRunner(String testPackage) {
    this.testPackage = testPackage;
  }

  /** A graded test found in the plan, before it runs. */
  private record Planned(TestIdentifier identifier, String id, Graded graded) {}

  /**
   * Runs every graded test against the submission.
   *
   * @param submission the compiled student code
   * @return one result per graded test, in plan order
   */
  public SuiteReport run(Submission submission) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage(testPackage))
            .configurationParameter(
                Submission.CLASSPATH_PARAMETER,
                submission.classpath().stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)))
            .configurationParameter(
                Submission.IMPLEMENTATION_PARAMETER, submission.implementation())
            .configurationParameter("junit.jupiter.execution.timeout.default", "60 s")
            .configurationParameter(
                "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
            // Test classes run two at a time: child-JVM starts and the lock holder's wait
            // overlap with the in-process tests. Tests inside a class stay sequential.
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
            .build();
    Launcher launcher = LauncherFactory.create();
    TestPlan plan = launcher.discover(request);
    Map<String, Planned> planned = new LinkedHashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        graded(test).ifPresent(p -> planned.put(test.getUniqueId(), p));
      }
    }
    if (planned.isEmpty()) {
      throw new IllegalStateException("no graded tests found in package " + testPackage);
    }
    Map<String, TestResult> results = new ConcurrentHashMap<>();
    Map<String, Long> started = new ConcurrentHashMap<>();
    launcher.execute(
        plan,
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier test) {
            started.put(test.getUniqueId(), System.nanoTime());
          }

          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            Planned p = planned.get(test.getUniqueId());
            if (p != null) {
              long millis =
                  (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime()))
                      / 1_000_000;
              results.put(test.getUniqueId(), result(p, result, millis));
            }
          }

          @Override
          public void executionSkipped(TestIdentifier test, String reason) {
            Planned p = planned.get(test.getUniqueId());
            if (p != null) {
              results.put(test.getUniqueId(), failed(p, "[SKIPPED] " + reason));
            }
          }
        });
    List<TestResult> ordered = new ArrayList<>();
    for (Map.Entry<String, Planned> entry : planned.entrySet()) {
      TestResult r = results.get(entry.getKey());
      ordered.add(r != null ? r : failed(entry.getValue(), "[NOT_RUN] the test never reported"));
    }
    return new SuiteReport(submission.name(), ordered);
  }

  private static Optional<Planned> graded(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    if (!test.isTest() || source.isEmpty() || !(source.get() instanceof MethodSource ms)) {
      return Optional.empty();
    }
    Method method = ms.getJavaMethod();
    Graded graded = method.getAnnotation(Graded.class);
    if (graded == null) {
      return Optional.empty();
    }
    String id = ms.getJavaClass().getSimpleName() + "." + ms.getMethodName();
    return Optional.of(new Planned(test, id, graded));
  }

  private static TestResult result(Planned p, TestExecutionResult result, long millis) {
    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
      return new TestResult(
          p.id(), title(p), p.graded().category(), p.graded().points(), true, "", "", millis);
    }
    return failed(p, result.getThrowable().map(SuiteRunner::describe).orElse("failed"), millis);
  }

  private static TestResult failed(Planned p, String message) {
    return failed(p, message, 0);
  }

  private static TestResult failed(Planned p, String message, long millis) {
    return new TestResult(
        p.id(),
        title(p),
        p.graded().category(),
        p.graded().points(),
        false,
        message,
        Feedback.get(p.graded().hint()),
        millis);
  }

  private static String title(Planned p) {
    return p.identifier().getDisplayName();
  }

  /** Student language: an assertion's own message; otherwise class and message, no stack. */
  private static String describe(Throwable t) {
    if (t instanceof AssertionError) {
      return String.valueOf(t.getMessage()).strip();
    }
    return Feedback.get("unexpected", t.getClass().getName(), String.valueOf(t.getMessage()));
  }
}
