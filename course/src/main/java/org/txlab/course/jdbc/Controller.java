package org.txlab.course.jdbc;

import java.util.concurrent.locks.LockSupport;

/**
 * Carries out the parts of a fault plan that need someone outside the call: resuming a paused call,
 * killing a parked one, deciding how long a lock wait may last. The defaults suit code that runs on
 * its own: pauses return at once and lock waits count against the busy timeout.
 */
public interface Controller {

  /** A controller that pauses nothing and lets the busy timeout run as usual. */
  Controller NONE = new Controller() {};

  /**
   * The call is about to run statement {@code next}, and its plan pauses it there: block until it
   * may go on.
   *
   * @param call the paused call
   * @param next the number of the statement it will run next
   */
  default void pause(CallScope call, int next) {}

  /**
   * The call reached its kill point right after {@code after}: report it, then never return (its
   * process is about to be killed).
   *
   * @param call the call
   * @param after the statement it just ran
   */
  default void park(CallScope call, StatementRecord after) {
    while (true) {
      LockSupport.park();
    }
  }

  /**
   * A statement of the call ended (also when it threw): e.g. a kill point that depends on what it
   * did.
   *
   * @param call the call
   * @param record what the statement did
   */
  default void afterStatement(CallScope call, StatementRecord record) {}

  /**
   * A statement of the call began to wait for a lock another connection holds. Called once per
   * wait, from the waiting thread, before the wait; may block (e.g. until the holder is told).
   *
   * @param call the waiting call
   * @param statement the waiting statement's number
   */
  default void lockWait(CallScope call, int statement) {}

  /**
   * Tells whether time spent waiting for a lock must not count against the busy timeout now: the
   * lock's holder is a call this controller keeps paused or running, so the wait ends when it does
   * whatever the machine's speed.
   *
   * @param call the waiting call
   * @return true to stop the busy timeout's clock
   */
  default boolean clockStopped(CallScope call) {
    return false;
  }
}
