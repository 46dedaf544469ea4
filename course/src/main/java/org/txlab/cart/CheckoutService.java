package org.txlab.cart;

import java.sql.SQLException;
import java.util.List;
import org.txlab.placeorder.Order;

/**
 * Checks a cart out: every line becomes an order and decrements its product's stock, all in one
 * transaction. Implementations take a {@link org.txlab.placeorder.ConnectionSource} in their
 * constructor.
 */
public interface CheckoutService {

  /**
   * Places one order per line, atomically: all lines or none.
   *
   * @param userId who orders
   * @param lines the cart, in the order the customer added them; a product may appear on several
   *     lines, whose quantities then add up
   * @return the stored orders, one per line, in the cart's order, with their database ids
   * @throws EmptyCartException if there are no lines; nothing is written
   * @throws InvalidLineException if a line's quantity is below 1; nothing is written
   * @throws UnknownLineProductException if a line names no product; nothing is written
   * @throws LineOutOfStockException if the stock cannot cover a line (counting the lines before it
   *     for the same product); nothing is written
   * @throws SQLException if the database fails; nothing is written
   */
  List<Order> checkout(long userId, List<Line> lines) throws SQLException;
}
