package org.txlab.course.patterns;

/**
 * How a double crashes the process that called it: in the grader the submission JVM parks and the
 * judge kills it; in a notebook's child process the parent sends SIGKILL. It never returns.
 */
@FunctionalInterface
public interface Crash {

  /**
   * Crashes the calling process; does not return.
   *
   * @param where what the double was doing, e.g. {@code "sink: message 3 arrived, before the ack"}
   */
  void now(String where);

  /** A crash hook for doubles that are never scripted to crash: it throws. */
  Crash NEVER =
      where -> {
        throw new IllegalStateException(
            "a double was scripted to crash without a crash hook: " + where);
      };

  /**
   * Calls the hook, and throws if it returned.
   *
   * @param crash the hook
   * @param where what the double was doing
   */
  static void at(Crash crash, String where) {
    crash.now(where);
    throw new IllegalStateException(org.txlab.course.Messages.get("patterns.crash.noCrash", where));
  }
}
