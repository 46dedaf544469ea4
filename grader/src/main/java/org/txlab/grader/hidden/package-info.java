/**
 * What every exercise's hidden tests share: the student-facing messages ({@link
 * org.txlab.grader.hidden.Feedback}), fault plans as the judge sends them ({@link
 * org.txlab.grader.hidden.Plan}), and the shop world — a fresh SQLite database per test that the
 * student's code reaches from its sandboxed JVM and the judge reads and writes itself with
 * connections hardened for untrusted files. Exercises' tests live in sub-packages.
 */
package org.txlab.grader.hidden;
