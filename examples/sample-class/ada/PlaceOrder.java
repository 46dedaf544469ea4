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
    Connection conn = db.open();
    try (conn; Statement st = conn.createStatement()) {
      st.executeUpdate("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        PreparedStatement q = conn.prepareStatement("SELECT stock FROM products WHERE id = ?");
        q.setLong(1, productId);
        ResultSet rs = q.executeQuery();
        if (!rs.next()) throw new UnknownProductException(productId);
        int stock = rs.getInt("stock");
        rs.close();
        q.close();
        if (stock < quantity) throw new InsufficientStockException(productId, quantity, stock);
        PreparedStatement dec =
            conn.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?");
        dec.setInt(1, quantity);
        dec.setLong(2, productId);
        dec.executeUpdate();
        dec.close();
        PreparedStatement ins =
            conn.prepareStatement(
                "INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        ins.setLong(1, userId);
        ins.setLong(2, productId);
        ins.setInt(3, quantity);
        ins.executeUpdate();
        ResultSet keys = ins.getGeneratedKeys();
        keys.next();
        long id = keys.getLong(1);
        ins.close();
        st.executeUpdate("COMMIT");
        committed = true;
        return new Order(id, userId, productId, quantity);
      } finally {
        if (!committed) st.executeUpdate("ROLLBACK");
      }
    }
  }
}
