/**
 * Hidden tests of the place-order exercise, by category: functional, atomicity (a fault at every
 * statement of the transaction, a real crash after the first write), isolation (the judge holding
 * the lock, a rival order at every statement boundary, the student's own code as the rival),
 * durability (a real crash after return, the settings at every commit) and hygiene. Every test
 * follows the fairness rules in {@code grader/FAIRNESS.md}.
 */
package org.txlab.grader.hidden.placeorder;
