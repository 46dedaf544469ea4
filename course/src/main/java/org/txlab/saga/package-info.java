/**
 * The compensation exercise's student-facing API: a checkout that reserves stock in the database,
 * then calls an external payment step that no transaction spans, and undoes the reservation with a
 * compensating transaction when the payment does not go through.
 *
 * <p>{@link org.txlab.saga.CheckoutSaga#checkout} writes the order as {@code PENDING} with its
 * stock decrement, charges it through {@link org.txlab.saga.Payments}, then marks it {@code PAID},
 * or compensates: the order {@code CANCELLED} and its stock restored, exactly once. {@link
 * org.txlab.saga.CheckoutSaga#resume} settles what a dead process left half done. Between the
 * reservation and the compensation other readers see the reduced stock: a saga is not isolated.
 */
package org.txlab.saga;
