/**
 * The external systems of the patterns, as test doubles that notebook 08 and the grader share: a
 * message broker ({@link org.txlab.course.patterns.ScriptedSink}) and a payment provider ({@link
 * org.txlab.course.patterns.ScriptedPayments}). Each answers every call as a script says — accept,
 * refuse, time out, answer late, or crash the calling process — and records what reached it, so
 * that a test or a notebook cell can compare what the broker or the provider holds with what the
 * database says. Notebook 08 runs its cells' own classes in child JVMs killed with SIGKILL through
 * {@link org.txlab.course.patterns.Scenario}, whose crash hook parks the child for the kill.
 */
package org.txlab.course.patterns;
