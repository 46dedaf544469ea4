package org.txlab.outbox;

/**
 * An {@code order.placed} message as the relay hands it to the {@link Sink}.
 *
 * @param id the message's id, the same every time the message is sent (consumers drop duplicates by
 *     it); unique among the outbox's messages
 * @param orderId the order it announces
 * @param userId who ordered
 * @param productId what
 * @param quantity how many
 */
public record Message(long id, long orderId, long userId, long productId, int quantity) {}
