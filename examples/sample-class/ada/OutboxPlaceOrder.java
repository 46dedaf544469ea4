package org.txlab.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.txlab.outbox.OutboxOrderService;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.UnknownProductException;

/**
 * Exercise outbox, first half: an order and the message that announces it, written in one
 * transaction. {@link OutboxRelay} sends the messages afterwards.
 *
 * <p>Rules of the exercise:
 *
 * <ul>
 *   <li>keep the messages in a table of your own (the outbox) in the same database, and write each
 *       one in the same transaction as its order: a crash between two transactions would leave an
 *       order nobody hears of, or a message for an order that does not exist;
 *   <li>a rejected order writes nothing, and has no message;
 *   <li>open one connection per call and close it; leave SQLite's durability settings as they are.
 * </ul>
 */
public final class OutboxPlaceOrder implements OutboxOrderService {
  private final ConnectionSource db;

  /**
   * Creates the service and its outbox table, if there is none yet.
   *
   * @param db where connections come from; never {@code null}
   */
  public OutboxPlaceOrder(ConnectionSource db) {
    this.db = db;
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS outbox ("
              + " id INTEGER PRIMARY KEY AUTOINCREMENT, order_id INTEGER NOT NULL UNIQUE,"
              + " user_id INTEGER NOT NULL, product_id INTEGER NOT NULL,"
              + " quantity INTEGER NOT NULL, sent INTEGER NOT NULL DEFAULT 0)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the outbox table: " + e.getMessage(), e);
    }
  }

  @Override
  public Order placeOrder(long userId, long productId, int quantity) throws SQLException {
    if (quantity <= 0) {
      throw new InvalidQuantityException(quantity);
    }
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        Order placed = place(c, userId, productId, quantity);
        // The message, in the order's transaction: both commit, or neither does.
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO outbox (order_id, user_id, product_id, quantity) VALUES (?, ?, ?, ?)")) {
          p.setLong(1, placed.id());
          p.setLong(2, userId);
          p.setLong(3, productId);
          p.setInt(4, quantity);
          p.executeUpdate();
        }
        s.execute("COMMIT");
        committed = true;
        return placed;
      } finally {
        if (!committed) {
          rollbackQuietly(s);
        }
      }
    }
  }

  private static Order place(Connection c, long userId, long productId, int quantity)
      throws SQLException {
    long stock;
    try (PreparedStatement p = c.prepareStatement("SELECT stock FROM products WHERE id = ?")) {
      p.setLong(1, productId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownProductException(productId);
        }
        stock = rs.getLong(1);
      }
    }
    if (stock < quantity) {
      throw new InsufficientStockException(productId, quantity, stock);
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?")) {
      update.setInt(1, quantity);
      update.setLong(2, productId);
      update.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, userId);
      insert.setLong(2, productId);
      insert.setInt(3, quantity);
      insert.executeUpdate();
      try (ResultSet rs = insert.getGeneratedKeys()) {
        rs.next();
        return new Order(rs.getLong(1), userId, productId, quantity);
      }
    }
  }

  private static void rollbackQuietly(Statement s) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // The failure that got us here is the one to report; closing the connection rolls back too.
    }
  }
}
