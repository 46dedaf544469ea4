package org.txlab.grader.sandbox;

import java.time.Duration;

/**
 * Every knob of the sandbox and of the judge's deadlines, in one place. The deadlines nest, inner
 * first: a call of student code, a hidden test (all its calls), a submission (all its tests); the
 * JUnit timeout of a hidden test is only a backstop for grader bugs, beyond the test's deadline.
 *
 * @param testTimeout how long one hidden test may take, wall clock, whatever the code prints
 * @param submissionTimeout how long all tests of one submission may take
 * @param startTimeout how long a submission JVM may take to be ready (before any student code runs;
 *     a slow start is the machine's fault, never the student's)
 * @param heapMb the submission JVM's {@code -Xmx}
 * @param outputCapBytes how much the submission may write on each of fd 1 and fd 2
 * @param scratchBytes the size of the submission's writable scratch and of its {@code /tmp}
 * @param maxTasks processes and threads a slot may run at once
 * @param memoryBytes memory a slot may use (heap, native, {@code /tmp}) where cgroups allow it
 * @param useBwrap whether to use bubblewrap when it works; {@code TXLAB_NO_BWRAP=1} turns it off
 */
public record SandboxConfig(
    Duration testTimeout,
    Duration submissionTimeout,
    Duration startTimeout,
    int heapMb,
    long outputCapBytes,
    long scratchBytes,
    int maxTasks,
    long memoryBytes,
    boolean useBwrap) {

  /** Kept of the student's output for feedback. */
  public static final int OUTPUT_KEPT_CHARS = 4000;

  /** The longest line the judge accepts from a submission JVM. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  /** Checks that the deadlines nest. */
  public SandboxConfig {
    if (testTimeout.compareTo(submissionTimeout) > 0) {
      throw new IllegalArgumentException(
          "the test timeout ("
              + testTimeout
              + ") must not exceed the submission's ("
              + submissionTimeout
              + ")");
    }
  }

  /**
   * The defaults: 30 s a test, 5 min a submission, 60 s to start, 384 MB heap, 16 MB of output a
   * stream, 64 MB of scratch, 512 tasks and 1 GB of memory a slot.
   */
  public static SandboxConfig defaults() {
    return new SandboxConfig(
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofSeconds(60),
        384,
        16L << 20,
        64L << 20,
        512,
        1L << 30,
        !"1".equals(System.getenv("TXLAB_NO_BWRAP")));
  }

  /** How long one call of student code may take: a third of a test. */
  public Duration callTimeout() {
    return testTimeout.dividedBy(3);
  }

  /** The JUnit timeout of one hidden test: a backstop well beyond the test's own deadline. */
  public Duration junitBackstop() {
    return testTimeout.plusSeconds(30);
  }

  /**
   * Returns a copy with another per-test timeout.
   *
   * @param timeout the new timeout
   * @return the copy
   */
  public SandboxConfig withTestTimeout(Duration timeout) {
    return new SandboxConfig(
        timeout,
        submissionTimeout,
        startTimeout,
        heapMb,
        outputCapBytes,
        scratchBytes,
        maxTasks,
        memoryBytes,
        useBwrap);
  }

  /**
   * Returns a copy with bubblewrap on or off.
   *
   * @param on whether to use it
   * @return the copy
   */
  public SandboxConfig withBwrap(boolean on) {
    return new SandboxConfig(
        testTimeout,
        submissionTimeout,
        startTimeout,
        heapMb,
        outputCapBytes,
        scratchBytes,
        maxTasks,
        memoryBytes,
        on);
  }
}
