package org.txlab.cart;

/**
 * One line of a cart.
 *
 * @param productId the product to buy
 * @param quantity how many units; must be positive
 */
public record Line(long productId, int quantity) {}
