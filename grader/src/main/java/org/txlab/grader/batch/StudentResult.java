package org.txlab.grader.batch;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What grading one student produced.
 *
 * @param student the student's id
 * @param origin what was handed in
 * @param hash the content hash of the hand-in and of everything that affects a grade
 * @param problem why nothing of it could be graded (e.g. a corrupt zip), or {@code null}
 * @param exercises one result per exercise graded, in registry order (empty with a problem)
 * @param quiz the quiz's results, or {@code null} when the hand-in had no quiz
 * @param incidents submission JVM deaths during grading, e.g. {@code [EXIT] … during '…'}
 * @param flags integrity flags for the instructor's review
 * @param forgedLines lines on the judge's channel that were not the protocol's
 * @param output the start of what the code printed
 * @param attention why the instructor should look at this result (a grader-side problem), or empty
 * @param millis how long grading it took (intake excluded), in milliseconds
 * @param phases where that time went, in milliseconds: {@code compile}, {@code start} (the first
 *     submission JVM ready with the code loaded), and each exercise's categories
 */
public record StudentResult(
    String student,
    String origin,
    String hash,
    String problem,
    List<ExerciseResult> exercises,
    org.txlab.grader.quiz.QuizScore quiz,
    List<String> incidents,
    Set<String> flags,
    int forgedLines,
    String output,
    String attention,
    long millis,
    java.util.Map<String, Long> phases) {

  /** Copies the lists. */
  public StudentResult {
    exercises = List.copyOf(exercises);
    incidents = List.copyOf(incidents);
    flags = Set.copyOf(flags);
    attention = attention == null ? "" : attention;
    // In the order they ran (Map.copyOf would shuffle them differently in every JVM).
    phases =
        phases == null
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
  }

  /** Tells whether anything of it was graded. */
  public boolean gradable() {
    return problem == null;
  }

  /** Returns the result of one exercise, if it was part of the grading. */
  public Optional<ExerciseResult> exercise(String id) {
    return exercises.stream().filter(e -> e.exercise().equals(id)).findFirst();
  }

  /** Returns the exercise points earned, all exercises. */
  public int points() {
    return exercises.stream().mapToInt(ExerciseResult::points).sum();
  }

  /** Returns the total: exercises and quiz. */
  public int total() {
    return points() + (quiz == null ? 0 : quiz.points());
  }

  /** Returns a copy with how long grading took. */
  public StudentResult took(long ms) {
    return new StudentResult(
        student,
        origin,
        hash,
        problem,
        exercises,
        quiz,
        incidents,
        flags,
        forgedLines,
        output,
        attention,
        ms,
        phases);
  }
}
