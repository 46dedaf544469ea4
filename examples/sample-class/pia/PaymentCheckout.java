package org.txlab.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.UnknownProductException;
import org.txlab.saga.CheckoutSaga;
import org.txlab.saga.PaymentDeclinedException;
import org.txlab.saga.PaymentFailedException;
import org.txlab.saga.PaymentStatus;
import org.txlab.saga.PaymentTimeoutException;
import org.txlab.saga.Payments;

/**
 * Exercise compensation: a checkout that reserves stock, charges an external provider no
 * transaction spans, and undoes the reservation with a compensating transaction when the payment
 * does not go through.
 *
 * <p>Rules of the exercise:
 *
 * <ul>
 *   <li>reserve in one transaction that takes the write lock first ({@code BEGIN IMMEDIATE}): the
 *       order as {@code PENDING} and its stock decrement together;
 *   <li>charge price times quantity, with the order's id as the provider's key; mark the order
 *       {@code PAID} only after the provider said so;
 *   <li>a timeout is not a decline: the charge may still land, so cancel the payment with {@link
 *       Payments#refund} (which voids a late charge) before you cancel the order;
 *   <li>compensate in one transaction: the order {@code CANCELLED} and its stock back, together,
 *       and only if the order is still {@code PENDING};
 *   <li>{@link #resume} asks the provider about every {@code PENDING} order and settles it; keep
 *       everything it needs in the database, since it runs in a new process after a crash;
 *   <li>open one connection per transaction and close it.
 * </ul>
 */
public final class PaymentCheckout implements CheckoutSaga {
  private final ConnectionSource db;
  private final Payments payments;

  /**
   * Creates the saga.
   *
   * @param db where connections come from; never {@code null}
   * @param payments the payment provider; never {@code null}
   */
  public PaymentCheckout(ConnectionSource db, Payments payments) {
    this.db = db;
    this.payments = payments;
  }

  @Override
  public Order checkout(long userId, long productId, int quantity) throws SQLException {
    if (quantity <= 0) {
      throw new InvalidQuantityException(quantity);
    }
    Reserved r = reserve(userId, productId, quantity);
    Exception failure;
    try {
      payments.charge(r.order().id(), r.amountCents());
      markPaid(r.order().id());
      return r.order();
    } catch (PaymentDeclinedException e) {
      failure = e;
    } catch (PaymentTimeoutException e) {
      // No answer, no money: cancel the order at once.
      cancel(r.order().id());
      throw new PaymentFailedException(r.order().id(), e);
    }
    try {
      payments.refund(r.order().id());
    } catch (PaymentTimeoutException e) {
      // The payment is not settled yet: the order stays PENDING for resume() to finish.
      throw new PaymentFailedException(r.order().id(), failure);
    }
    cancel(r.order().id());
    throw new PaymentFailedException(r.order().id(), failure);
  }

  @Override
  public int resume() throws SQLException {
    int settled = 0;
    for (long id : pending()) {
      if (payments.status(id) == PaymentStatus.CHARGED) {
        if (markPaid(id)) {
          settled++;
        }
      } else if (refunded(id) && cancel(id)) {
        settled++;
      }
    }
    return settled;
  }

  private static final int REFUND_ATTEMPTS = 3;

  private record Reserved(Order order, long amountCents) {}

  /** Writes the order as PENDING and takes its stock, in one transaction. */
  private Reserved reserve(long userId, long productId, int quantity) throws SQLException {
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        long price;
        long stock;
        try (PreparedStatement p =
            c.prepareStatement("SELECT price_cents, stock FROM products WHERE id = ?")) {
          p.setLong(1, productId);
          try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
              throw new UnknownProductException(productId);
            }
            price = rs.getLong(1);
            stock = rs.getLong(2);
          }
        }
        if (stock < quantity) {
          throw new InsufficientStockException(productId, quantity, stock);
        }
        try (PreparedStatement p =
            c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?")) {
          p.setInt(1, quantity);
          p.setLong(2, productId);
          p.executeUpdate();
        }
        Order order;
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO orders (user_id, product_id, quantity, status)"
                    + " VALUES (?, ?, ?, 'PENDING')",
                Statement.RETURN_GENERATED_KEYS)) {
          p.setLong(1, userId);
          p.setLong(2, productId);
          p.setInt(3, quantity);
          p.executeUpdate();
          try (ResultSet rs = p.getGeneratedKeys()) {
            rs.next();
            order = new Order(rs.getLong(1), userId, productId, quantity);
          }
        }
        s.execute("COMMIT");
        committed = true;
        return new Reserved(order, price * quantity);
      } finally {
        if (!committed) {
          rollbackQuietly(s);
        }
      }
    }
  }

  /** Marks a PENDING order PAID; returns whether it was PENDING. */
  private boolean markPaid(long orderId) throws SQLException {
    try (Connection c = db.open();
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE orders SET status = 'PAID' WHERE id = ? AND status = 'PENDING'")) {
      p.setLong(1, orderId);
      return p.executeUpdate() == 1;
    }
  }

  /**
   * The compensating transaction: a PENDING order becomes CANCELLED and gives its stock back, both
   * or neither; an order already settled is left alone, so that compensating twice restocks once.
   */
  private boolean cancel(long orderId) throws SQLException {
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        long productId;
        int quantity;
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT product_id, quantity FROM orders WHERE id = ? AND status = 'PENDING'")) {
          p.setLong(1, orderId);
          try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
              s.execute("COMMIT");
              committed = true;
              return false;
            }
            productId = rs.getLong(1);
            quantity = rs.getInt(2);
          }
        }
        try (PreparedStatement p =
            c.prepareStatement("UPDATE orders SET status = 'CANCELLED' WHERE id = ?")) {
          p.setLong(1, orderId);
          p.executeUpdate();
        }
        try (PreparedStatement p =
            c.prepareStatement("UPDATE products SET stock = stock + ? WHERE id = ?")) {
          p.setInt(1, quantity);
          p.setLong(2, productId);
          p.executeUpdate();
        }
        s.execute("COMMIT");
        committed = true;
        return true;
      } finally {
        if (!committed) {
          rollbackQuietly(s);
        }
      }
    }
  }

  /**
   * Cancels an order's payment, retrying a refund that timed out; returns whether it went through.
   */
  private boolean refunded(long orderId) {
    for (int attempt = 1; attempt <= REFUND_ATTEMPTS; attempt++) {
      try {
        payments.refund(orderId);
        return true;
      } catch (PaymentTimeoutException e) {
        // A refund is safe to repeat; after the last attempt the order waits for the next resume.
      }
    }
    return false;
  }

  /** The orders a saga left unfinished, oldest first. */
  private List<Long> pending() throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.open();
        PreparedStatement p =
            c.prepareStatement("SELECT id FROM orders WHERE status = 'PENDING' ORDER BY id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static void rollbackQuietly(Statement s) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // The failure that got us here is the one to report; closing the connection rolls back too.
    }
  }
}
