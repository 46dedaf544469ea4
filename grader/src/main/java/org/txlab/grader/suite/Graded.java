package org.txlab.grader.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a hidden test method with its points, category and hint for the student. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

  /** Returns the test's category: one of its exercise's {@code categories()} names. */
  String category();

  /** Returns the points the test is worth; at least 1. */
  int points();

  /**
   * Returns the key of the hint shown to a student who fails it, in {@code feedback.properties}.
   */
  String hint();
}
