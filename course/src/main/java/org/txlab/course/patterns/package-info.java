/**
 * The external systems of the patterns, as test doubles that notebook 08 and the grader share: a
 * message broker ({@link org.txlab.course.patterns.ScriptedSink}) and a payment provider ({@link
 * org.txlab.course.patterns.ScriptedPayments}). Each answers every call as a script says — accept,
 * refuse, time out, answer late, or crash the calling process — and records what reached it, so
 * that a test or a notebook cell can compare what the broker or the provider holds with what the
 * database says.
 */
package org.txlab.course.patterns;
