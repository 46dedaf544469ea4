package org.txlab.outbox;

import java.sql.SQLException;
import org.txlab.placeorder.Order;

/**
 * Places orders as in place-order and, in the same transaction, writes the {@code order.placed}
 * message that announces each one to the student's outbox table. Implementations take a {@link
 * org.txlab.placeorder.ConnectionSource} in their constructor.
 */
public interface OutboxOrderService {

  /**
   * Places an order and writes its message, together or not at all.
   *
   * <ul>
   *   <li>As in place-order: a quantity below 1 throws {@link
   *       org.txlab.placeorder.InvalidQuantityException}, an unknown product {@link
   *       org.txlab.placeorder.UnknownProductException}, too little stock {@link
   *       org.txlab.placeorder.InsufficientStockException}; each writes nothing.
   *   <li>A placed order has exactly one message, pending until a {@link Relay} sent it; a rejected
   *       or failed order has none.
   * </ul>
   *
   * @param userId who orders
   * @param productId what
   * @param quantity how many
   * @return the order
   * @throws org.txlab.placeorder.PlaceOrderException if the order is rejected; nothing is written
   * @throws SQLException if the database fails; nothing is written
   */
  Order placeOrder(long userId, long productId, int quantity) throws SQLException;
}
