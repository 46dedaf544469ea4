/**
 * The idempotent-checkout exercise's hidden tests: orders placed with an idempotency key, retried
 * after injected failures, after a crash that lost the reply, many times over, and at once.
 */
package org.txlab.grader.hidden.idempotency;
