package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuizTests {
  @AfterEach
  void forget() {
    Quiz.reset();
  }

  private static String practiceAnswer(String question) {
    return Quiz.LETTERS.stream()
        .filter(l -> QuizKey.isCorrect(question, l))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyQuestionIsPracticeOrGradedAndHasAHint() {
    assertThat(Quiz.questions()).doesNotHaveDuplicates();
    List<String> both = new ArrayList<>(Quiz.practice());
    both.addAll(Quiz.graded());
    assertThat(both).containsExactlyInAnyOrderElementsOf(Quiz.questions());
    for (String q : Quiz.questions()) {
      assertThat(Messages.get("quiz." + q)).as(q).isNotBlank();
    }
    for (String q : Quiz.practice()) {
      assertThat(Messages.get("quiz." + q + ".why")).as(q).isNotBlank();
    }
  }

  @Test
  void aRightPracticeAnswerGetsTheExplanationAWrongOneAHint() {
    String q = "rollback-after-unique";
    String right = practiceAnswer(q);
    String wrong = Quiz.LETTERS.stream().filter(l -> !l.equals(right)).findFirst().orElseThrow();

    assertThat(Quiz.answer(q, " " + right.toLowerCase() + " "))
        .isEqualTo("✔ " + q + ": right. " + Messages.get("quiz." + q + ".why"));
    assertThat(Quiz.answer(q, wrong))
        .isEqualTo("✘ " + q + ": not quite. " + Messages.get("quiz." + q));
  }

  @Test
  void aGradedAnswerIsOnlyRecordedTheSameWayForEveryLetter() {
    for (String q : Quiz.graded()) {
      List<String> shown = new ArrayList<>();
      for (String letter : Quiz.LETTERS) {
        shown.add(Quiz.answer(q, letter).replace("\"" + letter + "\"", "\"X\""));
        assertThat(QuizKey.isCorrect(q, letter)).isFalse();
      }
      assertThat(shown).as(q).containsOnly(shown.get(0));
      assertThat(shown.get(0)).startsWith("✎ " + q + ": \"X\" recorded.").contains("graded");
    }
  }

  @Test
  void aQuestionMarkIsNotAnswered() {
    assertThat(Quiz.answer("wal-normal", "?")).startsWith("… wal-normal: not answered yet.");
    assertThat(Quiz.answer("wal-normal", "")).startsWith("… wal-normal: not answered yet.");
  }

  @Test
  void anythingButOneLetterIsNotRecordedAndShownShort() {
    String shown = Quiz.answer("wal-normal", "B) because " + "x".repeat(5000));

    assertThat(shown)
        .startsWith("✘ wal-normal: \"B) because xxxxxxxxx…\" is not one of the letters");
    assertThat(shown.length()).isLessThan(200);
    assertThat(Quiz.score()).contains("0 of " + Quiz.graded().size() + " answered");
  }

  @Test
  void anUnknownIdListsTheQuestions() {
    assertThatThrownBy(() -> Quiz.answer("wait-and-sea", "B"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("[QUIZ] there is no question 'wait-and-sea'")
        .hasMessageContaining("wait-and-see");
  }

  @Test
  void theScoreCountsPracticeRightAndGradedAnswered() {
    Quiz.answer("rollback-after-unique", practiceAnswer("rollback-after-unique"));
    Quiz.answer("commit-after-unique", "?");
    Quiz.answer("wal-normal", "A");
    Quiz.answer("wait-and-see", "D");

    String score = Quiz.score();

    assertThat(score)
        .contains("Practice questions: 1 of " + Quiz.practice().size() + " right")
        .contains("commit-after-unique")
        .contains("Graded questions: 2 of " + Quiz.graded().size() + " answered")
        .contains("scored at grading");
  }

  @Test
  void practiceAnswersAreSpreadEvenlyOverTheFourLetters() {
    Map<String, Integer> counts = new TreeMap<>();
    Quiz.practice().forEach(q -> counts.merge(practiceAnswer(q), 1, Integer::sum));

    assertThat(counts.keySet()).containsExactlyElementsOf(Quiz.LETTERS);
    int n = Quiz.practice().size();
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(n / 4, (n + 3) / 4));
  }

  @Test
  void gradedQuestionsHaveNoExplanationInTheCourseLibrary() {
    for (String q : Quiz.graded()) {
      assertThatThrownBy(() -> Messages.get("quiz." + q + ".why"))
          .isInstanceOf(MissingResourceException.class);
    }
  }
}
