package org.txlab.course;

/**
 * The quiz, for notebook cells: {@code Quiz.answer("wait-and-see", "B")} says whether the answer is
 * right and, if not, gives a hint that teaches without giving the answer away.
 */
public final class Quiz {
  private Quiz() {}

  /**
   * Checks an answer and returns the verdict to show.
   *
   * @param question the question's id, as printed in the notebook
   * @param answer the answer, e.g. {@code "B"}
   * @return a line starting with ✔ or ✘
   * @throws IllegalArgumentException for an unknown question id
   */
  public static String answer(String question, String answer) {
    if (!QuizKey.questions().contains(question)) {
      throw new IllegalArgumentException(
          Messages.get("quiz.unknown", question, QuizKey.questions()));
    }
    return QuizKey.isCorrect(question, answer)
        ? Messages.get("quiz.right", question)
        : Messages.get("quiz.wrong", question, Messages.get("quiz." + question));
  }
}
