package org.txlab.grader.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The registry: every exercise registered as a service, in registration order. */
public final class Exercises {
  private static final List<Exercise> ALL = load();

  private Exercises() {}

  private static List<Exercise> load() {
    List<Exercise> all = new ArrayList<>();
    ServiceLoader.load(Exercise.class, Exercises.class.getClassLoader()).forEach(all::add);
    return List.copyOf(all);
  }

  /** Returns every exercise. */
  public static List<Exercise> all() {
    return ALL;
  }

  /**
   * Returns one exercise.
   *
   * @param id its id
   * @return the exercise
   * @throws IllegalArgumentException naming the known ids if there is none
   */
  public static Exercise get(String id) {
    return ALL.stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no exercise '" + id + "'; the exercises are " + ids()));
  }

  /** Returns the ids of every exercise. */
  public static List<String> ids() {
    return ALL.stream().map(Exercise::id).toList();
  }
}
