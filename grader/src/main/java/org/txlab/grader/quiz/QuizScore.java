package org.txlab.grader.quiz;

import java.util.List;

/**
 * A hand-in's graded quiz answers, scored.
 *
 * @param items one per graded question, in quiz order, answered or not
 * @param points right answers
 * @param maxPoints graded questions
 */
public record QuizScore(List<Item> items, int points, int maxPoints) {

  /** Copies the items. */
  public QuizScore {
    items = List.copyOf(items);
  }

  /**
   * One graded question's result.
   *
   * @param question the question's id
   * @param given the last answer given, normalised (e.g. {@code "B"}), or {@code null} if the
   *     question was not answered
   * @param correct whether it was right
   * @param explanation why the right answer is right, for the feedback
   */
  public record Item(String question, String given, boolean correct, String explanation) {

    /** Tells whether the hand-in answered the question at all. */
    public boolean answered() {
      return given != null;
    }
  }
}
