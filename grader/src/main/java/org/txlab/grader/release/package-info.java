/**
 * Building the student repository from this one: solutions replaced by stubs, hidden tests,
 * reference solutions and instructor tools left out, notebook outputs cleared.
 */
package org.txlab.grader.release;
