package org.txlab.grader.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.txlab.course.Quiz;

class QuizKeyTests {
  private final QuizKey key = QuizKey.load();

  private static Properties resource() throws Exception {
    Properties p = new Properties();
    try (InputStream in = QuizKey.class.getResourceAsStream("key.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static String right(String question) throws Exception {
    return resource().getProperty(question + ".answer");
  }

  private static String wrong(String question) throws Exception {
    String right = right(question);
    return Quiz.LETTERS.stream().filter(l -> !l.equals(right)).findFirst().orElseThrow();
  }

  @Test
  void coversExactlyTheCoursesGradedQuestionsInQuizOrder() {
    assertThat(key.questions()).containsExactlyElementsOf(Quiz.graded());
    assertThat(key.maxPoints()).isEqualTo(Quiz.graded().size());
    assertThat(key.questions()).doesNotContainAnyElementsOf(Quiz.practice());
  }

  @Test
  void everyAnswerIsWrongOrRightAndTheLastAnswerCounts() throws Exception {
    String q = key.questions().get(0);

    QuizScore score = key.score(List.of(new Answer(q, right(q)), new Answer(q, wrong(q))));

    assertThat(score.points()).isZero();
    assertThat(score.items().get(0).given()).isEqualTo(wrong(q));
    assertThat(key.score(List.of(new Answer(q, wrong(q)), new Answer(q, right(q)))).points())
        .isEqualTo(1);
  }

  @Test
  void ignoresCaseAndSurroundingSpaces() throws Exception {
    String q = key.questions().get(1);

    QuizScore score = key.score(List.of(new Answer(q, "  " + right(q).toLowerCase() + " ")));

    assertThat(score.points()).isEqualTo(1);
    assertThat(score.items().get(1).given()).isEqualTo(right(q));
  }

  @Test
  void aQuestionMarkOrNothingIsUnansweredAndStillExplained() throws Exception {
    String q = key.questions().get(2);

    QuizScore score = key.score(List.of(new Answer(q, right(q)), new Answer(q, "?")));

    QuizScore.Item item = score.items().get(2);
    assertThat(item.answered()).isFalse();
    assertThat(item.correct()).isFalse();
    assertThat(item.explanation()).isNotBlank();
    assertThat(score.items()).hasSize(key.maxPoints()).allMatch(i -> !i.explanation().isBlank());
    assertThat(key.score(List.of()).items()).noneMatch(QuizScore.Item::answered);
  }

  @Test
  void practiceQuestionsAndUnknownIdsScoreNothing() {
    List<Answer> answers = new ArrayList<>();
    for (String q : Quiz.practice()) {
      for (String letter : Quiz.LETTERS) {
        answers.add(new Answer(q, letter));
      }
    }
    answers.add(new Answer("no-such-question", "A"));

    QuizScore score = key.score(answers);

    assertThat(score.points()).isZero();
    assertThat(score.maxPoints()).isEqualTo(Quiz.graded().size());
    assertThat(score.items()).noneMatch(QuizScore.Item::answered);
  }

  @Test
  void allRightAnswersScoreFullMarks() throws Exception {
    List<Answer> answers = new ArrayList<>();
    for (String q : key.questions()) {
      answers.add(new Answer(q, right(q)));
    }

    assertThat(key.score(answers).points()).isEqualTo(key.maxPoints());
  }

  @Test
  void theCourseLibraryCannotScoreAGradedQuestionEvenBesideThisKey() throws Exception {
    // This classpath holds the grader's key, and still the course library finds no answer right:
    // it never reads the key, so nothing a notebook can call tells right from wrong.
    assertThat(Quiz.graded()).containsExactlyElementsOf(key.questions());
    for (String q : key.questions()) {
      for (String letter : Quiz.LETTERS) {
        assertThat(org.txlab.course.QuizKey.isCorrect(q, letter)).as("%s %s", q, letter).isFalse();
      }
    }
  }

  @Test
  void rightAnswersAreSpreadEvenlyOverTheFourLetters() throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (String q : key.questions()) {
      counts.merge(right(q), 1, Integer::sum);
    }

    assertThat(counts.keySet()).containsExactlyElementsOf(Quiz.LETTERS);
    int n = key.maxPoints();
    assertThat(counts.values())
        .as("right answers per letter: %s", counts)
        .allSatisfy(c -> assertThat(c).isBetween(n / 4, (n + 3) / 4));
  }
}
