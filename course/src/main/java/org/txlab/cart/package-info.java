/**
 * The cart-checkout exercise's student-facing API: several products in one order, all or nothing.
 *
 * <p>An implementation of {@link org.txlab.cart.CheckoutService} receives its database as a {@link
 * org.txlab.placeorder.ConnectionSource}. {@code checkout(userId, lines)} either stores one order
 * row per line and decrements every line's stock, or — when any line names an unknown product, asks
 * for more than is in stock, or has a quantity below 1 — throws the {@link
 * org.txlab.cart.CheckoutException} that names that line and writes nothing.
 */
package org.txlab.cart;
