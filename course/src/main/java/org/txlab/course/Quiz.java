package org.txlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quiz, for notebook cells: {@code Quiz.answer("rollback-after-unique", "A")}.
 *
 * <p>Two kinds of questions. A <b>practice</b> question is checked at once: right answers get the
 * explanation, wrong ones a hint. A <b>graded</b> question is only recorded: it is scored when the
 * notebook is handed in, from the cell's text, and the feedback explains each answer; nothing in
 * the notebook can tell whether a graded answer is right. {@link #score()} sums up both.
 */
public final class Quiz {
  /** The letters an answer may be. */
  public static final List<String> LETTERS = List.of("A", "B", "C", "D");

  private static final List<String> QUESTIONS =
      List.of(
          // 04-quiz
          "rollback-after-unique",
          "commit-after-unique",
          "crash-before-commit",
          "check-constraint",
          "deferred-race-loser",
          "wait-and-see",
          "crash-after-commit",
          "wal-normal",
          "shared-connection",
          "close-open-transaction",
          "threads-one-jvm",
          "torn-line",
          // 07-what-it-costs
          "map-vs-sqlite",
          "per-request-ratio",
          "fsync-wal-normal",
          "tmpfs-fsync",
          "kill-after-wal-normal",
          "batched-commit",
          "one-record-per-request",
          "when-to-ignore",
          // 08-patterns
          "retry-relative-write",
          "key-stored-later",
          "expected-version",
          "projection-two-transactions",
          "outbox-kill-between",
          "relay-mark-first",
          "saga-isolation",
          "compensate-two-transactions");

  private static final int SHOWN_LENGTH = 20;
  private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

  private Quiz() {}

  /** Returns every question id, in quiz order. */
  public static List<String> questions() {
    return QUESTIONS;
  }

  /** Returns the ids of the graded questions, in quiz order. */
  public static List<String> graded() {
    return QUESTIONS.stream().filter(q -> !QuizKey.isPractice(q)).toList();
  }

  /** Returns the ids of the practice questions, in quiz order. */
  public static List<String> practice() {
    return QUESTIONS.stream().filter(QuizKey::isPractice).toList();
  }

  /**
   * Answers a question and returns what to show.
   *
   * @param question the question's id, as printed in the notebook
   * @param answer one letter, {@code "A"} to {@code "D"}; {@code "?"} for not answered yet
   * @return for a practice question ✔ with the explanation or ✘ with a hint; for a graded one that
   *     the answer is recorded; or that the question is not answered yet
   * @throws IllegalArgumentException for an unknown question id
   */
  public static synchronized String answer(String question, String answer) {
    if (!QUESTIONS.contains(question)) {
      throw new IllegalArgumentException(
          Messages.get("quiz.unknown", shown(question), String.join(", ", QUESTIONS)));
    }
    String letter = QuizKey.normalize(answer);
    if (letter.isEmpty() || letter.equals("?")) {
      ANSWERS.remove(question);
      return Messages.get("quiz.unanswered", question);
    }
    if (!LETTERS.contains(letter)) {
      ANSWERS.remove(question);
      return Messages.get("quiz.notALetter", question, shown(answer));
    }
    ANSWERS.put(question, letter);
    if (!QuizKey.isPractice(question)) {
      return Messages.get("quiz.recorded", question, letter, Messages.get("quiz." + question));
    }
    return QuizKey.isCorrect(question, letter)
        ? Messages.get("quiz.right", question, Messages.get("quiz." + question + ".why"))
        : Messages.get("quiz.wrong", question, Messages.get("quiz." + question));
  }

  /**
   * Sums up this session's answers: the practice score, and how many graded questions have an
   * answer (they are scored at grading).
   *
   * @return a few lines to show
   */
  public static synchronized String score() {
    List<String> practice = practice();
    List<String> graded = graded();
    long right = practice.stream().filter(q -> QuizKey.isCorrect(q, ANSWERS.get(q))).count();
    List<String> practiceOpen = open(practice);
    List<String> gradedOpen = open(graded);
    return Messages.get(
            "quiz.score.practice",
            right,
            practice.size(),
            practiceOpen.isEmpty() ? "-" : String.join(", ", practiceOpen))
        + "\n"
        + Messages.get(
            "quiz.score.graded",
            graded.size() - gradedOpen.size(),
            graded.size(),
            gradedOpen.isEmpty() ? "-" : String.join(", ", gradedOpen));
  }

  /**
   * Forgets this session's answers (a restarted kernel forgets them too).
   *
   * @return how many answers there were
   */
  public static synchronized int reset() {
    int n = ANSWERS.size();
    ANSWERS.clear();
    return n;
  }

  private static List<String> open(List<String> questions) {
    List<String> open = new ArrayList<>();
    Set<String> answered = ANSWERS.keySet();
    for (String q : questions) {
      if (!answered.contains(q)) {
        open.add(q);
      }
    }
    return open;
  }

  private static String shown(String text) {
    String s = String.valueOf(text);
    return s.length() <= SHOWN_LENGTH ? s : s.substring(0, SHOWN_LENGTH) + "…";
  }
}
