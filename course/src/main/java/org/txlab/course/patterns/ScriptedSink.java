package org.txlab.course.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.txlab.course.Messages;
import org.txlab.outbox.Message;
import org.txlab.outbox.Sink;
import org.txlab.outbox.SinkException;

/**
 * A message broker's client that answers each send as a script says, and records every message that
 * reached the broker (including those whose acknowledgement was lost). Thread-safe.
 */
public final class ScriptedSink implements Sink {

  /** What the broker does with one send. */
  public enum Outcome {
    /** The message arrives and is acknowledged. */
    ACK,
    /** The broker refuses the message: it does not arrive; {@link SinkException}. */
    REFUSE,
    /** The message arrives but the acknowledgement does not come in time: {@link SinkException}. */
    TIMEOUT,
    /** The message arrives and the acknowledgement comes, late. */
    LATE_ACK,
    /** The calling process crashes before the message reaches the broker. */
    CRASH_BEFORE,
    /** The message arrives, then the calling process crashes before it sees the acknowledgement. */
    CRASH_AFTER
  }

  /** Says what the broker does with a send. */
  @FunctionalInterface
  public interface Script {
    /**
     * The outcome of one send.
     *
     * @param attempt the number of this send among all sends to this sink, from 1
     * @param message the message sent
     * @return what happens
     */
    Outcome outcome(int attempt, Message message);
  }

  /**
   * One send as the broker saw it.
   *
   * @param attempt the send's number, from 1
   * @param message the message
   * @param outcome what happened
   */
  public record Send(int attempt, Message message, Outcome outcome) {
    /** Returns whether the message reached the broker on this send. */
    public boolean arrived() {
      return outcome != Outcome.REFUSE && outcome != Outcome.CRASH_BEFORE;
    }
  }

  private final Script script;
  private final Duration late;
  private final Crash crash;
  private final Consumer<Send> listener;
  private final List<Send> sends = new ArrayList<>();

  /**
   * Creates the sink.
   *
   * @param script what the broker does with each send
   * @param late how long a {@link Outcome#LATE_ACK} takes
   * @param crash how {@link Outcome#CRASH_BEFORE} and {@link Outcome#CRASH_AFTER} crash the process
   * @param listener told of every send before its outcome takes effect (before a crash, too)
   */
  public ScriptedSink(Script script, Duration late, Crash crash, Consumer<Send> listener) {
    this.script = script;
    this.late = late;
    this.crash = crash;
    this.listener = listener;
  }

  /**
   * A broker that acknowledges every message at once.
   *
   * @return the sink
   */
  public static ScriptedSink acking() {
    return new ScriptedSink((attempt, message) -> Outcome.ACK, Duration.ZERO, Crash.NEVER, s -> {});
  }

  /**
   * A broker whose n-th send (from 1) has the n-th outcome, and every later one {@link
   * Outcome#ACK}.
   *
   * @param crash how a crash outcome crashes the process
   * @param outcomes the outcomes of the first sends
   * @return the sink
   */
  public static ScriptedSink sequence(Crash crash, Outcome... outcomes) {
    List<Outcome> list = List.of(outcomes);
    return new ScriptedSink(
        (attempt, message) -> attempt <= list.size() ? list.get(attempt - 1) : Outcome.ACK,
        Duration.ofMillis(200),
        crash,
        s -> {});
  }

  @Override
  public void send(Message message) throws SinkException {
    if (message == null) {
      throw new NullPointerException("message");
    }
    Send send;
    synchronized (this) {
      int attempt = sends.size() + 1;
      send = new Send(attempt, message, script.outcome(attempt, message));
      sends.add(send);
    }
    listener.accept(send);
    String id = Long.toString(message.id());
    String attempt = Integer.toString(send.attempt());
    switch (send.outcome()) {
      case ACK -> {}
      case REFUSE -> throw new SinkException(Messages.get("patterns.sink.refused", id, attempt));
      case TIMEOUT -> throw new SinkException(Messages.get("patterns.sink.noAck", id, attempt));
      case LATE_ACK -> sleep(late);
      case CRASH_BEFORE -> Crash.at(crash, "sink: message " + id + " sent, before it arrived");
      case CRASH_AFTER -> Crash.at(crash, "sink: message " + id + " arrived, before the ack");
    }
  }

  /** Returns every send so far, in order. */
  public synchronized List<Send> sends() {
    return List.copyOf(sends);
  }

  /** Returns the messages that reached the broker, in order of arrival, duplicates included. */
  public synchronized List<Message> arrived() {
    List<Message> arrived = new ArrayList<>();
    for (Send s : sends) {
      if (s.arrived()) {
        arrived.add(s.message());
      }
    }
    return arrived;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
