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
 * Validates the quantities in Java, then lets SQLite do the stock check: the conditional UPDATE is
 * the transaction's first statement, so it takes the write lock (waiting for it if need be) before
 * anything is read, and a zero update count means the line cannot be served.
 */
public final class Checkout implements CheckoutService {
  private static final String DECREMENT =
      "UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?";
  private static final String INSERT =
      "INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)";

  private final ConnectionSource db;

  public Checkout(ConnectionSource db) {
    this.db = db;
  }

  @Override
  public List<Order> checkout(long userId, List<Line> lines) throws SQLException {
    if (lines == null || lines.isEmpty()) {
      throw new EmptyCartException();
    }
    int n = 1;
    for (Line l : lines) {
      if (l.quantity() < 1) {
        throw new InvalidLineException(n, l.quantity());
      }
      n++;
    }

    Connection conn = db.open();
    try {
      try (Statement pragma = conn.createStatement()) {
        pragma.execute("PRAGMA journal_mode = MEMORY");
      }
      conn.setAutoCommit(false);
      List<Order> placed = new ArrayList<>(lines.size());
      try (PreparedStatement dec = conn.prepareStatement(DECREMENT);
          PreparedStatement ins = conn.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 0; i < lines.size(); i++) {
          Line l = lines.get(i);
          dec.setInt(1, l.quantity());
          dec.setLong(2, l.productId());
          dec.setInt(3, l.quantity());
          if (dec.executeUpdate() == 0) {
            throw whyNot(conn, i + 1, l); // rolled back below
          }
          ins.setLong(1, userId);
          ins.setLong(2, l.productId());
          ins.setInt(3, l.quantity());
          ins.executeUpdate();
          long id;
          try (ResultSet keys = ins.getGeneratedKeys()) {
            if (!keys.next()) {
              throw new SQLException("no id for the order of line " + (i + 1));
            }
            id = keys.getLong(1);
          }
          placed.add(new Order(id, userId, l.productId(), l.quantity()));
        }
      }
      conn.commit();
      return placed;
    } catch (SQLException | RuntimeException e) {
      try {
        if (!conn.isClosed() && !conn.getAutoCommit()) {
          conn.rollback();
        }
      } catch (SQLException ignored) {
        e.addSuppressed(ignored);
      }
      throw e;
    } finally {
      conn.close();
    }
  }

  /** The line matched no row: the product is missing, or its stock (after earlier lines) is short. */
  private static RuntimeException whyNot(Connection conn, int number, Line l) throws SQLException {
    try (PreparedStatement p = conn.prepareStatement("SELECT stock FROM products WHERE id = ?")) {
      p.setLong(1, l.productId());
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return new UnknownLineProductException(number, l.productId());
        }
        return new LineOutOfStockException(number, l.productId(), l.quantity(), rs.getLong(1));
      }
    }
  }
}
