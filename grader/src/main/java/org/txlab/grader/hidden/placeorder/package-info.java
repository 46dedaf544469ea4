/**
 * Hidden tests of the place-order exercise, by category: functional, atomicity (fault injection and
 * a real crash), isolation (lock holder, thread and process races), durability and hygiene.
 */
package org.txlab.grader.hidden.placeorder;
