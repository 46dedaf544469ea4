/**
 * Running hidden tests against untrusted code: one disposable child JVM per submission, inside
 * bubblewrap where it works, reporting over a nonce-tagged channel to a trusted parent that owns
 * the deadline, the kill, the output caps and the results.
 */
package org.txlab.grader.sandbox;
