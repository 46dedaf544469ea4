/**
 * The place-order exercise's student-facing API: the service to implement, its records and its
 * domain exceptions.
 *
 * <p>An implementation receives its database as a {@link org.txlab.placeorder.ConnectionSource} and
 * never opens a path of its own, so that tests can hand it instrumented connections.
 */
package org.txlab.placeorder;
