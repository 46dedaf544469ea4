/**
 * The txlog exercise's hidden tests: the student's store is crashed at every disk call of a
 * recorded run, in every way the {@link org.txlab.txlog.Disk} contract allows, and must recover.
 */
package org.txlab.grader.hidden.txlog;
