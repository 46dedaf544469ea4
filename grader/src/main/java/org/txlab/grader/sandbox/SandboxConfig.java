package org.txlab.grader.sandbox;

import java.time.Duration;

/**
 * Every knob of the sandbox, in one place.
 *
 * @param testTimeout how long one test may run without reporting before its JVM is killed
 * @param submissionTimeout how long all of one submission's JVMs may take together
 * @param heapMb the child JVM's {@code -Xmx}
 * @param outputCapBytes how much of the student's stdout/stderr is read before the JVM is killed
 *     for flooding; what is kept for feedback is much less
 * @param useBwrap whether to use bubblewrap when it works; {@code TXLAB_NO_BWRAP=1} turns it off
 */
public record SandboxConfig(
    Duration testTimeout,
    Duration submissionTimeout,
    int heapMb,
    long outputCapBytes,
    boolean useBwrap) {

  /** Kept of the student's output for feedback. */
  public static final int OUTPUT_KEPT_CHARS = 4000;

  /** The defaults: 30 s a test, 5 min a submission, 384 MB heap, 16 MB of output. */
  public static SandboxConfig defaults() {
    return new SandboxConfig(
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        384,
        16L << 20,
        !"1".equals(System.getenv("TXLAB_NO_BWRAP")));
  }

  /**
   * Returns a copy with another per-test timeout.
   *
   * @param timeout the new timeout
   * @return the copy
   */
  public SandboxConfig withTestTimeout(Duration timeout) {
    return new SandboxConfig(timeout, submissionTimeout, heapMb, outputCapBytes, useBwrap);
  }

  /**
   * Returns a copy with bubblewrap on or off.
   *
   * @param on whether to use it
   * @return the copy
   */
  public SandboxConfig withBwrap(boolean on) {
    return new SandboxConfig(testTimeout, submissionTimeout, heapMb, outputCapBytes, on);
  }
}
