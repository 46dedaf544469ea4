/**
 * What grading writes: gradebooks (plain, Canvas, Moodle), per-student feedback (Markdown, HTML,
 * Gradescope {@code results.json}) and the class summary, each file replaced atomically.
 */
package org.txlab.grader.report;
