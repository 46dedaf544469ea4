package org.txlab.grader.cli;

/** The grader's exit codes, named once. */
public final class ExitCode {
  /** Everything as expected. */
  public static final int OK = 0;

  /** Validation found a variant that did not score as it must. */
  public static final int VALIDATION_FAILED = 1;

  /** The command line was wrong; the message says how to call it. */
  public static final int USAGE = 2;

  /** An input (a source, a fixture) was unusable; the message says which and why. */
  public static final int BAD_INPUT = 3;

  /**
   * The reports were written, but at least one hand-in met a problem on the grader's side (a JVM
   * that did not start, a test that could not run): the summary lists them under "Needs your
   * attention"; grading again retries them.
   */
  public static final int NEEDS_ATTENTION = 4;

  /** A bug in the grader itself. */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
