package org.txlab.grader.exercise;

import java.util.List;
import java.util.Set;

/**
 * One exercise, as the grading pipeline sees it. Implementations live next to their hidden tests
 * and are registered as a {@link java.util.ServiceLoader} service.
 */
public interface Exercise {

  /** Returns the id, e.g. {@code place-order}: the gradebook column and the stub marker's name. */
  String id();

  /** Returns the title students see, e.g. {@code Place an order}. */
  String title();

  /** Returns the package of the hidden tests, e.g. {@code org.txlab.grader.hidden.placeorder}. */
  String testPackage();

  /** Returns the categories its tests are graded in, in report order. */
  List<Category> categories();

  /** Returns the student-facing API the implementation must have. */
  Api api();

  /** Returns the reference source (with solution markers), relative to the repository's root. */
  String reference();

  /**
   * Returns the reference's other source files (with solution markers), relative to the
   * repository's root: for an exercise whose hand-in has more than one class. Variants are made
   * from all of them; a folder variant that lacks one gets the reference's.
   */
  default List<String> companions() {
    return List.of();
  }

  /** Returns the folder of its variants, relative to the repository's root. */
  String variants();

  /**
   * Returns the base class of the exercise's rejections (e.g. {@code
   * org.txlab.placeorder.PlaceOrderException}): a call that throws one has rejected the request
   * cleanly, whatever its cause.
   */
  String rejectionType();

  /** Returns the tag of notebook cells that hold its code. */
  default String cellTag() {
    return "exercise";
  }

  /**
   * Returns integrity flags this exercise's honest solutions raise, so they are not flagged: e.g.
   * {@code files} for an exercise that writes files.
   */
  default Set<String> allowedFlags() {
    return Set.of();
  }

  /** Returns how many of its tests kill a submission JVM (so the judge starts spares ahead). */
  default int killTests() {
    return 0;
  }

  /**
   * What a category stands for.
   *
   * @param name its name in {@link org.txlab.grader.suite.Graded#category()} and reports, e.g.
   *     {@code atomicity}
   * @param description one sentence for feedback
   */
  record Category(String name, String description) {}

  /**
   * The interface an implementation implements and how the harness constructs it.
   *
   * @param type the interface, e.g. {@code org.txlab.placeorder.OrderService}
   * @param constructorParams the constructor's parameter types, provided by the test's world
   * @param preferredName the class name that wins among several implementations
   */
  record Api(String type, List<String> constructorParams, String preferredName) {}
}
