/**
 * Grading a class: intake, compile, sandboxed hidden tests in parallel, results cached by content
 * hash so that a re-run re-grades only what changed and a killed run resumes.
 */
package org.txlab.grader.batch;
