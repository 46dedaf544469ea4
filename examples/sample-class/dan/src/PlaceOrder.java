package org.txlab.exercises;

import java.sql.*;
import org.txlab.placeorder.*;

public class PlaceOrder implements OrderService {
  private final ConnectionSource db;

  public PlaceOrder(ConnectionSource db) {
    this.db = db;
  }

  @Override
  public Order placeOrder(long userId, long productId, int quantity) throws SQLException {
    if (quantity <= 0) throw new InvalidQuantityException(quantity);
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      try {
        PreparedStatement q = c.prepareStatement("SELECT stock FROM products WHERE id = ?");
        q.setLong(1, productId);
        ResultSet rs = q.executeQuery();
        if (!rs.next()) throw new UnknownProductException(productId);
        int stock = rs.getInt(1);
        if (stock < quantity) throw new InsufficientStockException(productId, quantity, stock);
        PreparedStatement u = c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?");
        u.setInt(1, quantity);
        u.setLong(2, productId);
        u.executeUpdate();
        PreparedStatement i = c.prepareStatement(
            "INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS);
        i.setLong(1, userId);
        i.setLong(2, productId);
        i.setInt(3, quantity);
        i.executeUpdate();
        ResultSet k = i.getGeneratedKeys();
        k.next();
        long id = k.getLong(1);
        c.commit();
        return new Order(id, userId, productId, quantity);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
