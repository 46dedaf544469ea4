/**
 * Exercises as descriptors: what the pipeline (grade, gradescope, validate, release, starter,
 * bench) needs to know of an exercise, and the registry of all of them. Nothing else in the
 * pipeline names an exercise; adding one is a descriptor next to its hidden tests and one line in
 * {@code META-INF/services/org.txlab.grader.exercise.Exercise}.
 */
package org.txlab.grader.exercise;
