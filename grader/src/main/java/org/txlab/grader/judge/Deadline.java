package org.txlab.grader.judge;

import java.time.Duration;

/**
 * A wall-clock deadline the judge enforces, with what it bounds for messages.
 *
 * @param at {@link System#nanoTime()} when it passes
 * @param what e.g. {@code the test}, for messages
 * @param length the whole duration, for messages
 */
public record Deadline(long at, String what, Duration length) {

  /**
   * A deadline from now.
   *
   * @param length how long
   * @param what what it bounds
   * @return the deadline
   */
  public static Deadline in(Duration length, String what) {
    return new Deadline(System.nanoTime() + length.toNanos(), what, length);
  }

  /** Returns the time left, never negative. */
  public Duration left() {
    return Duration.ofNanos(Math.max(0, at - System.nanoTime()));
  }

  /** Tells whether it has passed. */
  public boolean passed() {
    return System.nanoTime() >= at;
  }

  /**
   * Returns the earlier of this and another deadline.
   *
   * @param other the other
   * @return the one that passes first
   */
  public Deadline min(Deadline other) {
    return other.at < at ? other : this;
  }
}
