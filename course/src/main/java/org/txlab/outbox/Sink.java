package org.txlab.outbox;

/**
 * Where the relay sends messages: a message broker's client, as a test double in the course.
 * Returning normally is the broker's acknowledgement: from then on the message is the broker's
 * problem, not the database's.
 */
public interface Sink {

  /**
   * Sends one message and waits for the broker's acknowledgement.
   *
   * @param message the message
   * @throws SinkException if the broker refused the message or did not acknowledge it in time; the
   *     message may or may not have reached the broker, so it must be sent again later
   */
  void send(Message message) throws SinkException;
}
