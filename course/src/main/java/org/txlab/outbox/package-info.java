/**
 * The outbox exercise's student-facing API: an order and the message that announces it, written in
 * one transaction, and a relay that hands the messages to a broker afterwards.
 *
 * <p>{@link org.txlab.outbox.OutboxOrderService#placeOrder} writes the order, the stock decrement
 * and one {@code order.placed} message (a row of the student's own outbox table) together or not at
 * all. {@link org.txlab.outbox.Relay#runOnce} sends the pending messages to a {@link
 * org.txlab.outbox.Sink} in the order their orders were placed and marks each as sent only after
 * the sink acknowledged it. A relay that dies between the acknowledgement and the mark sends that
 * message again when it runs next: delivery is at least once, and consumers drop duplicates by
 * {@link org.txlab.outbox.Message#id()}.
 */
package org.txlab.outbox;
