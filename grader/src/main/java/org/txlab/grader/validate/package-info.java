/**
 * Validating an exercise: the reference scores full marks, the starter zero, every known-buggy
 * variant loses points in the categories it declares.
 */
package org.txlab.grader.validate;
