package org.txlab.saga;

import java.sql.SQLException;
import org.txlab.placeorder.Order;

/**
 * A checkout across the database and an external payment step. Implementations take a {@link
 * org.txlab.placeorder.ConnectionSource} and a {@link Payments} in their constructor. Their
 * database is the shop's with one more column, {@code orders.status}: {@code 'PENDING'}, {@code
 * 'PAID'} or {@code 'CANCELLED'}. Whatever a saga must remember to finish after a crash is in the
 * database.
 */
public interface CheckoutSaga {

  /**
   * Reserves, charges, and completes or compensates.
   *
   * <ol>
   *   <li>As in place-order, a quantity below 1, an unknown product or too little stock throws its
   *       {@link org.txlab.placeorder.PlaceOrderException}: nothing written, nothing charged.
   *   <li>Otherwise one transaction writes the order as {@code PENDING} and decrements the stock.
   *   <li>Then the order is charged: price times quantity.
   *   <li>Paid: the order becomes {@code PAID} and is returned.
   *   <li>Declined, or timed out with no charge that can be trusted: the payment is cancelled
   *       ({@link Payments#refund}, which also voids a charge that lands late), and one transaction
   *       marks the order {@code CANCELLED} and gives its stock back; then {@link
   *       PaymentFailedException}.
   * </ol>
   *
   * @param userId who orders
   * @param productId what
   * @param quantity how many
   * @return the paid order
   * @throws org.txlab.placeorder.PlaceOrderException if the order is rejected, or {@link
   *     PaymentFailedException} if it was not paid
   * @throws SQLException if the database fails
   */
  Order checkout(long userId, long productId, int quantity) throws SQLException;

  /**
   * Settles every saga a dead process left unfinished, as a restarted service does at start-up:
   * each {@code PENDING} order becomes {@code PAID} if the provider charged it, or is compensated
   * (payment cancelled, order {@code CANCELLED}, stock given back exactly once). Calling it again,
   * or while nothing is unfinished, changes nothing.
   *
   * @return how many orders it settled
   * @throws SQLException if the database fails
   */
  int resume() throws SQLException;
}
