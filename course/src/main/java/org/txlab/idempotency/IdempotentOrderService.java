package org.txlab.idempotency;

import java.sql.SQLException;
import org.txlab.placeorder.Order;

/**
 * Places orders with an idempotency key, as payment APIs do: the client makes up a key per order
 * and sends it again with every retry. Implementations take a {@link
 * org.txlab.placeorder.ConnectionSource} in their constructor and keep the keys in the database (a
 * table of their own), so that they outlive the process.
 */
public interface IdempotentOrderService {

  /**
   * Places an order once per key.
   *
   * <ul>
   *   <li>A quantity below 1 throws {@link org.txlab.placeorder.InvalidQuantityException} and
   *       stores nothing, not even the key.
   *   <li>A key not seen before: the order is placed as in place-order (stock decremented, one row
   *       in {@code orders}), or rejected ({@link org.txlab.placeorder.UnknownProductException},
   *       {@link org.txlab.placeorder.InsufficientStockException}); in the same transaction the key
   *       is stored with that outcome.
   *   <li>A key seen before with the same user, product and quantity: the stored outcome again —
   *       the same {@code Order} (same id), or an exception of the same type — and nothing is
   *       written, even if the stock changed since.
   *   <li>A key seen before with another user, product or quantity: {@link KeyReusedException},
   *       nothing written.
   *   <li>Two calls with the same key at once place one order; neither gets a raw {@code
   *       SQLITE_BUSY}.
   * </ul>
   *
   * @param key the client's idempotency key, 1 to 255 characters
   * @param userId who orders
   * @param productId what
   * @param quantity how many
   * @return the order, placed now or by an earlier call with this key
   * @throws org.txlab.placeorder.PlaceOrderException if the request is rejected, now or earlier
   * @throws SQLException if the database fails; nothing is written
   */
  Order placeOrder(String key, long userId, long productId, int quantity) throws SQLException;
}
