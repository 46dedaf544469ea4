package org.txlab.placeorder;

/**
 * An order as stored in the {@code orders} table.
 *
 * @param id the order's id, assigned by the database
 * @param userId who placed it
 * @param productId what was bought
 * @param quantity how many units; always positive
 */
public record Order(long id, long userId, long productId, int quantity) {}
