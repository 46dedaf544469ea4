package org.txlab.grader.batch;

import java.util.List;

/**
 * A notebook's quiz answers, scored.
 *
 * @param answered per question id, whether the answer was right
 * @param points right answers
 * @param maxPoints questions
 */
public record QuizResult(List<Answer> answered, int points, int maxPoints) {

  /**
   * One scored answer.
   *
   * @param question the question's id
   * @param correct whether it was right
   */
  public record Answer(String question, boolean correct) {}
}
