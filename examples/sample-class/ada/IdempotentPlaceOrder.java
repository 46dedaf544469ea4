package org.txlab.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.txlab.idempotency.IdempotentOrderService;
import org.txlab.idempotency.KeyReusedException;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.UnknownProductException;

/**
 * Exercise idempotent-checkout: an order placed once per idempotency key, however often the client
 * retries.
 *
 * <p>Rules of the exercise:
 *
 * <ul>
 *   <li>keep the keys in a table of your own in the same database, and store each key in the same
 *       transaction as the order (or the rejection) it stands for: a crash between the two would
 *       leave an order without its key, and the client's retry would place it again;
 *   <li>a retry with the same key and request gets the stored outcome: the same order, or the same
 *       rejection, and writes nothing;
 *   <li>the same key with another request throws {@link KeyReusedException};
 *   <li>two calls with the same key at once place one order: take the write lock before you look
 *       the key up;
 *   <li>open one connection per call and close it; leave SQLite's durability settings as they are.
 * </ul>
 */
public final class IdempotentPlaceOrder implements IdempotentOrderService {
  private final ConnectionSource db;

  /**
   * Creates the service and its table of keys, if there is none yet.
   *
   * @param db where connections come from; never {@code null}
   */
  public IdempotentPlaceOrder(ConnectionSource db) {
    this.db = db;
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS idempotency_keys ("
              + " key TEXT PRIMARY KEY, user_id INTEGER NOT NULL, product_id INTEGER NOT NULL,"
              + " quantity INTEGER NOT NULL, order_id INTEGER, rejection TEXT, stock INTEGER)");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the table of idempotency keys: " + e.getMessage(), e);
    }
  }

  @Override
  public Order placeOrder(String key, long userId, long productId, int quantity)
      throws SQLException {
    if (quantity <= 0) {
      throw new InvalidQuantityException(quantity);
    }
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      // The write lock first: a second call with the same key waits here, then finds the key.
      s.execute("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        Order replayed = replay(c, key, userId, productId, quantity);
        if (replayed != null) {
          s.execute("COMMIT");
          committed = true;
          return replayed;
        }
        Order placed = null;
        RuntimeException rejected = null;
        long stock = -1;
        try {
          placed = place(c, userId, productId, quantity);
        } catch (UnknownProductException e) {
          rejected = e;
        } catch (InsufficientStockException e) {
          rejected = e;
          stock = e.available();
        }
        // The key and the outcome it stands for commit together, or neither does.
        remember(c, key, userId, productId, quantity, placed, rejected, stock);
        s.execute("COMMIT");
        committed = true;
        if (rejected != null) {
          throw rejected;
        }
        return placed;
      } finally {
        if (!committed) {
          rollbackQuietly(s);
        }
      }
    }
  }

  /** Returns the stored order for the key, throws its stored rejection, or returns null. */
  private static Order replay(Connection c, String key, long userId, long productId, int quantity)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT user_id, product_id, quantity, order_id, rejection, stock"
                + " FROM idempotency_keys WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long u = rs.getLong(1);
        long pr = rs.getLong(2);
        int q = rs.getInt(3);
        if (u != userId || pr != productId || q != quantity) {
          throw new KeyReusedException(
              key,
              "user " + u + ", product " + pr + ", quantity " + q,
              "user " + userId + ", product " + productId + ", quantity " + quantity);
        }
        String rejection = rs.getString(5);
        if ("unknown-product".equals(rejection)) {
          throw new UnknownProductException(productId);
        }
        if ("insufficient-stock".equals(rejection)) {
          throw new InsufficientStockException(productId, quantity, rs.getLong(6));
        }
        return new Order(rs.getLong(4), userId, productId, quantity);
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

  private static void remember(
      Connection c,
      String key,
      long userId,
      long productId,
      int quantity,
      Order placed,
      RuntimeException rejected,
      long stock)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO idempotency_keys"
                + " (key, user_id, product_id, quantity, order_id, rejection, stock)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, key);
      p.setLong(2, userId);
      p.setLong(3, productId);
      p.setInt(4, quantity);
      p.setObject(5, placed == null ? null : placed.id());
      p.setString(
          6,
          rejected == null
              ? null
              : rejected instanceof UnknownProductException
                  ? "unknown-product"
                  : "insufficient-stock");
      p.setLong(7, stock);
      p.executeUpdate();
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
