/**
 * The outbox exercise's hidden tests: an order and its message written together or not at all,
 * under injected failures and a crash; a relay that delivers every message at least once, in order,
 * with the same id every time, through a broker that refuses, times out, acknowledges late, and a
 * relay killed for real before the mark; two orders at once.
 */
package org.txlab.grader.hidden.outbox;
