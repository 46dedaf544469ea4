/**
 * The exercises students implement: each class's stub is marked {@code TODO(<exercise>)}.
 *
 * <p>In the instructor's repository the stubs hold the reference solutions between {@code // BEGIN
 * SOLUTION} and {@code // END SOLUTION}; the grader's {@code starter} verb turns them back into
 * stubs.
 */
package org.txlab.exercises;
