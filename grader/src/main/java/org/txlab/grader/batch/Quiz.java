package org.txlab.grader.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.txlab.course.QuizKey;

/** Scores a notebook's quiz answers against the course's answer key. */
final class Quiz {
  private Quiz() {}

  static QuizResult score(List<String[]> answers) {
    Map<String, Boolean> last = new LinkedHashMap<>();
    for (String q : QuizKey.questions()) {
      last.put(q, false);
    }
    for (String[] a : answers) {
      if (last.containsKey(a[0])) {
        last.put(a[0], QuizKey.isCorrect(a[0], a[1]));
      }
    }
    List<QuizResult.Answer> scored = new ArrayList<>();
    last.forEach((q, ok) -> scored.add(new QuizResult.Answer(q, ok)));
    int points = (int) scored.stream().filter(QuizResult.Answer::correct).count();
    return new QuizResult(scored, points, scored.size());
  }
}
