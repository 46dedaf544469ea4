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
    if (quantity < 1) throw new InvalidQuantityException(quantity);
    try (Connection c = db.open()) {
      PreparedStatement q = c.prepareStatement("SELECT stock FROM products WHERE id = ?");
      q.setLong(1, productId);
      ResultSet rs = q.executeQuery();
      if (!rs.next()) throw new UnknownProductException(productId);
      int stock = rs.getInt(1);
      if (stock < quantity) throw new InsufficientStockException(productId, quantity, stock);
      c.createStatement().executeUpdate(
          "UPDATE products SET stock = " + (stock - quantity) + " WHERE id = " + productId);
      c.createStatement().executeUpdate(
          "INSERT INTO orders (user_id, product_id, quantity) VALUES ("
              + userId + ", " + productId + ", " + quantity + ")");
      ResultSet id = c.createStatement().executeQuery("SELECT max(id) FROM orders");
      id.next();
      return new Order(id.getLong(1), userId, productId, quantity);
    }
  }
}
