package org.txlab.outbox;

import java.sql.SQLException;

/**
 * Sends the outbox's pending messages to a {@link Sink}. Implementations take a {@link
 * org.txlab.placeorder.ConnectionSource} and a {@link Sink} in their constructor, and keep nothing
 * that matters in memory: a relay started after a crash goes on where the dead one stopped.
 */
public interface Relay {

  /**
   * Sends every pending message, in the order their orders were placed, and marks each as sent only
   * after {@link Sink#send} returned for it.
   *
   * <ul>
   *   <li>When the sink throws {@link SinkException}, the message stays pending and so do the ones
   *       after it (they would otherwise overtake it); the run ends there, and a later run sends
   *       them again, beginning with that message.
   *   <li>A message sent but not yet marked when the process died is sent again by the next run:
   *       delivery is at least once, never at most once.
   *   <li>Messages of orders placed while the run is under way may wait for the next run.
   * </ul>
   *
   * @return how many messages this run marked as sent
   * @throws SQLException if the database fails; what was marked stays marked
   */
  int runOnce() throws SQLException;
}
