package org.txlab.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.txlab.outbox.Message;
import org.txlab.outbox.Relay;
import org.txlab.outbox.Sink;
import org.txlab.outbox.SinkException;
import org.txlab.placeorder.ConnectionSource;

/**
 * Exercise outbox, second half: the relay that hands the outbox's pending messages to the broker,
 * in the order their orders were placed.
 *
 * <p>Rules of the exercise:
 *
 * <ul>
 *   <li>mark a message as sent only after {@link Sink#send} returned for it: a process that dies
 *       between the two sends it again when it runs next (at least once), never loses it;
 *   <li>when the sink throws, stop there: the message stays pending, and the ones after it must not
 *       overtake it;
 *   <li>a message sent again keeps its id, so the consumer can drop the duplicate;
 *   <li>keep nothing that matters in memory; open connections per call and close them.
 * </ul>
 */
public final class OutboxRelay implements Relay {
  private final ConnectionSource db;
  private final Sink sink;

  /**
   * Creates the relay.
   *
   * @param db where connections come from; never {@code null}
   * @param sink where messages go; never {@code null}
   */
  public OutboxRelay(ConnectionSource db, Sink sink) {
    this.db = db;
    this.sink = sink;
  }

  @Override
  public int runOnce() throws SQLException {
    try (Connection c = db.open()) {
      int marked = 0;
      for (Message m : pending(c)) {
        try {
          sink.send(m);
        } catch (SinkException notAcked) {
          // It stays pending, and so do the ones after it: the next run begins with it.
          break;
        }
        // Acknowledged: only now is it sent. A crash before this line sends it again.
        try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET sent = 1 WHERE id = ?")) {
          p.setLong(1, m.id());
          p.executeUpdate();
        }
        marked++;
      }
      return marked;
    }
  }

  /** Reads the pending messages, oldest first, and lets go of the database before sending. */
  private static List<Message> pending(Connection c) throws SQLException {
    List<Message> pending = new ArrayList<>();
    try (PreparedStatement p =
            c.prepareStatement(
                "SELECT id, order_id, user_id, product_id, quantity FROM outbox"
                    + " WHERE sent = 0 ORDER BY id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        pending.add(
            new Message(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)));
      }
    }
    return pending;
  }
}
