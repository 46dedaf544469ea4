/**
 * The grading model and its runner: categories, points, submissions, and a JUnit Platform launcher
 * that enumerates every graded test before running any.
 */
package org.txlab.grader.suite;
