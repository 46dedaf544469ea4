package org.txlab.course;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Duration;
import org.txlab.course.patterns.ScriptedSink;
import org.txlab.outbox.Relay;
import org.txlab.outbox.Sink;
import org.txlab.placeorder.ConnectionSource;

/**
 * A child-process scenario: one run of a {@link Relay} implementation over a shop database, with a
 * broker that acknowledges every send but the k-th, at which the broker gets the message and the
 * process dies before the acknowledgement reaches the relay.
 *
 * <p>Arguments: {@code <db> <relay class> <k>}. The class must have a constructor taking a {@link
 * ConnectionSource} and a {@link Sink}. Every send is signalled as {@code sent <id> <order id>
 * <outcome>} before it takes effect. Kill point: {@code "sink"}.
 */
public final class OutboxRelayProcess {
  /** The signal of one send. */
  public static final String SENT = "sent";

  private OutboxRelayProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the relay cannot be created
   */
  public static void main(String[] args) throws Exception {
    ConnectionSource source = Shop.source(Path.of(args[0]));
    Class<?> type = Class.forName(args[1], true, Thread.currentThread().getContextClassLoader());
    int crashAt = Integer.parseInt(args[2]);
    ScriptedSink sink =
        new ScriptedSink(
            (attempt, message) ->
                attempt == crashAt ? ScriptedSink.Outcome.CRASH_AFTER : ScriptedSink.Outcome.ACK,
            Duration.ZERO,
            where -> Child.killPoint("sink"),
            send ->
                Child.signal(
                    SENT,
                    send.message().id() + " " + send.message().orderId() + " " + send.outcome()));
    Constructor<?> constructor = type.getDeclaredConstructor(ConnectionSource.class, Sink.class);
    constructor.setAccessible(true);
    Relay relay = (Relay) constructor.newInstance(source, sink);
    int marked;
    try {
      marked = relay.runOnce();
    } catch (Exception e) {
      Child.report(null, e);
      return;
    }
    Child.report(marked, null);
  }
}
