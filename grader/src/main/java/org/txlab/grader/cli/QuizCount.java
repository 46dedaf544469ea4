package org.txlab.grader.cli;

import org.txlab.course.QuizKey;

/** How many quiz questions are graded, for the gradebook's column. */
final class QuizCount {
  private QuizCount() {}

  static int graded() {
    return QuizKey.questions().size();
  }
}
