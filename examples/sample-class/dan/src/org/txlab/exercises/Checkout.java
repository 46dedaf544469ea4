package org.txlab.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.txlab.cart.CheckoutService;
import org.txlab.cart.EmptyCartException;
import org.txlab.cart.InvalidLineException;
import org.txlab.cart.Line;
import org.txlab.cart.LineOutOfStockException;
import org.txlab.cart.UnknownLineProductException;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * Exercise cart-checkout: several products in one order, all lines or none.
 *
 * <p>Rules of the exercise:
 *
 * <ul>
 *   <li>open one connection per call from the {@link ConnectionSource} and close it before
 *       returning, also when you throw;
 *   <li>store one row in {@code orders} per line and decrement each line's stock, all in one
 *       transaction; return the orders in the cart's order;
 *   <li>a rejected cart (no lines, a quantity below 1, an unknown product, not enough stock for a
 *       line — counting earlier lines for the same product) throws the exception from {@code
 *       org.txlab.cart} that names the line (from 1) and writes nothing;
 *   <li>if the database fails at any statement, throw and write nothing;
 *   <li>two carts checked out at once never oversell; the one that cannot be served is rejected
 *       cleanly, never with a raw {@code SQLITE_BUSY}, whatever order their lines come in;
 *   <li>leave SQLite's durability settings ({@code synchronous}, the journal) as they are.
 * </ul>
 */
public final class Checkout implements CheckoutService {
  private final ConnectionSource db;

  /**
   * Creates the service.
   *
   * @param db where connections come from; never {@code null}
   */
  public Checkout(ConnectionSource db) {
    this.db = db;
  }

  @Override
  public List<Order> checkout(long userId, List<Line> lines) throws SQLException {
    if (lines.isEmpty()) {
      throw new EmptyCartException();
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).quantity() <= 0) {
        throw new InvalidLineException(i + 1, lines.get(i).quantity());
      }
    }
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      // The write lock first: a concurrent cart waits here, then sees the stock this one leaves.
      s.execute("BEGIN");
      try {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          orders.add(placeLine(c, userId, i + 1, lines.get(i)));
        }
        s.execute("COMMIT");
        return orders;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(s, e);
        throw e;
      }
    }
  }

  /**
   * Checks and writes one line inside the open transaction, which already holds its earlier lines.
   */
  private static Order placeLine(Connection c, long userId, int number, Line line)
      throws SQLException {
    long stock;
    try (PreparedStatement p = c.prepareStatement("SELECT stock FROM products WHERE id = ?")) {
      p.setLong(1, line.productId());
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownLineProductException(number, line.productId());
        }
        stock = rs.getLong(1);
      }
    }
    if (stock < line.quantity()) {
      throw new LineOutOfStockException(number, line.productId(), line.quantity(), stock);
    }
    try (PreparedStatement u =
        c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?")) {
      u.setInt(1, line.quantity());
      u.setLong(2, line.productId());
      u.executeUpdate();
    }
    try (PreparedStatement i =
        c.prepareStatement(
            "INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      i.setLong(1, userId);
      i.setLong(2, line.productId());
      i.setInt(3, line.quantity());
      i.executeUpdate();
      try (ResultSet keys = i.getGeneratedKeys()) {
        keys.next();
        return new Order(keys.getLong(1), userId, line.productId(), line.quantity());
      }
    }
  }

  private static void rollbackQuietly(Statement s, Exception cause) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException rollbackFailed) {
      // Closing the connection rolls back too; keep the original failure as the one reported.
      cause.addSuppressed(rollbackFailed);
    }
  }
}
