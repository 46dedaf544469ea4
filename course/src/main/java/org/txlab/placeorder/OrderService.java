package org.txlab.placeorder;

import java.sql.SQLException;

/**
 * Places orders: the lesson's {@code placeOrder(userId, productId, quantity)}.
 *
 * <p>Placing an order is two writes that must happen together or not at all: decrement the
 * product's stock and insert the order. Implementations take a {@link ConnectionSource} in their
 * constructor.
 */
public interface OrderService {

  /**
   * Decrements the product's stock by {@code quantity} and inserts the order, atomically.
   *
   * @param userId who orders
   * @param productId the product to buy
   * @param quantity how many units; must be positive
   * @return the stored order, with its database id
   * @throws InvalidQuantityException if {@code quantity <= 0}; nothing is written
   * @throws UnknownProductException if there is no such product; nothing is written
   * @throws InsufficientStockException if the stock is lower than {@code quantity}; nothing is
   *     written
   * @throws SQLException if the database fails; nothing is written
   */
  Order placeOrder(long userId, long productId, int quantity) throws SQLException;
}
