/**
 * The idempotent-checkout exercise's student-facing API: an order placed with an idempotency key,
 * so that a client that retries after a lost reply places it once.
 *
 * <p>An implementation of {@link org.txlab.idempotency.IdempotentOrderService} receives its
 * database as a {@link org.txlab.placeorder.ConnectionSource}. {@code placeOrder(key, userId,
 * productId, quantity)} places at most one order per key: the first call decides the outcome, and
 * every later call with the same key and request gets that outcome again; the same key with another
 * request throws {@link org.txlab.idempotency.KeyReusedException}.
 */
package org.txlab.idempotency;
