/** The instructor's command line: {@code validate} an exercise, make its {@code starter}. */
package org.txlab.grader.cli;
