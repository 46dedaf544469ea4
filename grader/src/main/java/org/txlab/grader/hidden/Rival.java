package org.txlab.grader.hidden;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The judge's own order, placed correctly on a connection of its own while the student's call is
 * paused: {@code BEGIN IMMEDIATE}, read, write, commit — without waiting for any lock (the student
 * is paused; waiting could not help), so it ends at once whatever the machine's speed.
 */
public final class Rival {
  /** How the rival's order ended. */
  public enum Outcome {
    /** It placed its order. */
    PLACED,
    /** There was not enough stock. */
    REJECTED,
    /** The student's paused call held a lock it needed. */
    LOCKED_OUT
  }

  /** The user the rival orders for. */
  public static final long USER = 99;

  private Rival() {}

  /**
   * Places the rival's order.
   *
   * @param w the world
   * @param productId what it buys
   * @param quantity how many
   * @return how it ended
   */
  public static Outcome order(ShopWorld w, long productId, int quantity) {
    try (Connection c = JudgeDb.source(w.db(), 0).open();
        Statement s = c.createStatement()) {
      try {
        s.execute("BEGIN IMMEDIATE");
        long stock;
        try (PreparedStatement p = c.prepareStatement("SELECT stock FROM products WHERE id = ?")) {
          p.setLong(1, productId);
          try (ResultSet rs = p.executeQuery()) {
            stock = rs.next() ? rs.getLong(1) : 0;
          }
        }
        if (stock < quantity) {
          s.execute("ROLLBACK");
          return Outcome.REJECTED;
        }
        try (PreparedStatement p =
            c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?")) {
          p.setInt(1, quantity);
          p.setLong(2, productId);
          p.executeUpdate();
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)")) {
          p.setLong(1, USER);
          p.setLong(2, productId);
          p.setInt(3, quantity);
          p.executeUpdate();
        }
        s.execute("COMMIT");
        return Outcome.PLACED;
      } catch (SQLException busy) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException none) {
          // Nothing began.
        }
        return Outcome.LOCKED_OUT;
      }
    } catch (SQLException e) {
      return Outcome.LOCKED_OUT;
    }
  }
}
