package org.txlab.course;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.txlab.placeorder.ConnectionSource;

/**
 * The self-check's own order, placed correctly on a connection of its own: {@code BEGIN IMMEDIATE},
 * read the stock, write, commit. It is the other customer in the isolation checks.
 */
final class SelfCheckRival {
  /** The user the rival orders for. */
  static final long USER = 99;

  /** How the rival's order ended. */
  enum Outcome {
    /** It placed its order. */
    PLACED,
    /** There was not enough stock: it wrote nothing. */
    REJECTED,
    /** It did not run: the student's call ended before the point it was meant to run at. */
    NOT_RUN
  }

  private SelfCheckRival() {}

  /**
   * Places the rival's order.
   *
   * @param db where to connect (through the self-check's instrumented source, so that its lock
   *     waits are seen)
   * @param product what it buys
   * @param quantity how many
   * @return placed or rejected
   * @throws SQLException if SQLite fails it, e.g. with {@code SQLITE_BUSY}
   */
  static Outcome order(ConnectionSource db, long product, int quantity) throws SQLException {
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        long stock;
        try (PreparedStatement p = c.prepareStatement("SELECT stock FROM products WHERE id = ?")) {
          p.setLong(1, product);
          try (ResultSet rs = p.executeQuery()) {
            stock = rs.next() ? rs.getLong(1) : 0;
          }
        }
        if (stock < quantity) {
          s.execute("ROLLBACK");
          return Outcome.REJECTED;
        }
        write(c, product, quantity);
        s.execute("COMMIT");
        return Outcome.PLACED;
      } catch (SQLException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException none) {
          e.addSuppressed(none);
        }
        throw e;
      }
    }
  }

  /** Decrements the stock and inserts the rival's order, in the caller's transaction. */
  static void write(Connection c, long product, int quantity) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?")) {
      p.setInt(1, quantity);
      p.setLong(2, product);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)")) {
      p.setLong(1, USER);
      p.setLong(2, product);
      p.setInt(3, quantity);
      p.executeUpdate();
    }
  }
}
