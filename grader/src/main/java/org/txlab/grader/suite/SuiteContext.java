package org.txlab.grader.suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.judge.Session;

/**
 * What a hidden test runs against: the submission's session, the exercise, and the class that
 * implements it. The runner registers one per suite execution and passes its key to JUnit as a
 * configuration parameter; a test's harness looks it up with {@link #of(ExtensionContext)}.
 *
 * @param session the submission's session with the judge
 * @param exercise the exercise under test
 * @param implementation the implementing class's name, as the submission JVM sees it
 */
public record SuiteContext(Session session, Exercise exercise, String implementation) {
  /** The JUnit configuration parameter holding the key. */
  public static final String PARAMETER = "txlab.suite.context";

  private static final Map<String, SuiteContext> RUNNING = new ConcurrentHashMap<>();
  private static final AtomicLong KEYS = new AtomicLong();

  static String register(SuiteContext context) {
    String key = "suite-" + KEYS.incrementAndGet();
    RUNNING.put(key, context);
    return key;
  }

  static void unregister(String key) {
    RUNNING.remove(key);
  }

  /**
   * Returns the context of the suite a test belongs to.
   *
   * @param context the test's JUnit context
   * @return the suite's context
   * @throws IllegalStateException if the test was not started by {@link SuiteRunner}
   */
  public static SuiteContext of(ExtensionContext context) {
    String key =
        context
            .getConfigurationParameter(PARAMETER)
            .orElseThrow(
                () -> new IllegalStateException("hidden tests run only through SuiteRunner"));
    SuiteContext c = RUNNING.get(key);
    if (c == null) {
      throw new IllegalStateException("no running suite " + key);
    }
    return c;
  }
}
