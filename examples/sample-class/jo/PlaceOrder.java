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
    if (quantity <= 0) throw new InvalidQuantityException(quantity)
    return null;
  }
}
