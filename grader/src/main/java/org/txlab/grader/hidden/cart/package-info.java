/**
 * Hidden tests of the cart-checkout exercise: all lines or none (a fault at every statement across
 * the lines, a real crash in the middle of the cart), a rival order at every statement boundary,
 * two overlapping carts interleaved at every boundary (no deadlock, no oversell, the loser clean),
 * the order of lines irrelevant, repeated products added up; durability and hygiene.
 */
package org.txlab.grader.hidden.cart;
