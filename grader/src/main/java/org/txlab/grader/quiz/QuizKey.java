package org.txlab.grader.quiz;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.txlab.course.Quiz;

/**
 * The graded questions' answer key, from this package's {@code key.properties}, in the order of the
 * course's quiz ({@link Quiz#graded()}).
 */
public final class QuizKey {
  private static final String RESOURCE = "key.properties";

  private final Map<String, String> answers;
  private final Map<String, String> explanations;

  private QuizKey(Map<String, String> answers, Map<String, String> explanations) {
    this.answers = answers;
    this.explanations = explanations;
  }

  /**
   * Loads the key.
   *
   * @return the key
   * @throws IllegalStateException if the resource is missing or does not cover exactly the course's
   *     graded questions, each with one letter A to D and an explanation
   */
  public static QuizKey load() {
    Properties p = new Properties();
    try (InputStream in = QuizKey.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "[QUIZ_KEY] no " + RESOURCE + " beside " + QuizKey.class.getName());
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> answers = new LinkedHashMap<>();
    Map<String, String> explanations = new LinkedHashMap<>();
    for (String q : Quiz.graded()) {
      String answer = p.getProperty(q + ".answer");
      String explanation = p.getProperty(q + ".explanation");
      if (answer == null || !Quiz.LETTERS.contains(answer) || explanation == null) {
        throw new IllegalStateException(
            "[QUIZ_KEY] graded question '"
                + q
                + "' needs "
                + q
                + ".answer (one of "
                + Quiz.LETTERS
                + ") and "
                + q
                + ".explanation in "
                + RESOURCE);
      }
      answers.put(q, answer);
      explanations.put(q, explanation);
    }
    for (String key : p.stringPropertyNames()) {
      String q = key.substring(0, key.lastIndexOf('.'));
      if (!answers.containsKey(q)) {
        throw new IllegalStateException(
            "[QUIZ_KEY] "
                + RESOURCE
                + " has '"
                + key
                + "' but the course has no graded question '"
                + q
                + "'; the graded questions are "
                + Quiz.graded());
      }
    }
    return new QuizKey(answers, explanations);
  }

  /** Returns the graded questions' ids, in quiz order. */
  public List<String> questions() {
    return List.copyOf(answers.keySet());
  }

  /** Returns the most points a hand-in can score: one per graded question. */
  public int maxPoints() {
    return answers.size();
  }

  /**
   * Scores a hand-in's answers: the last answer to a question counts; case and surrounding spaces
   * are ignored; {@code "?"} or an empty answer is no answer; answers to practice questions or
   * unknown ids are ignored.
   *
   * @param given the answers in notebook order, from all the hand-in's notebooks
   * @return one item per graded question
   */
  public QuizScore score(List<Answer> given) {
    Map<String, String> last = new LinkedHashMap<>();
    for (Answer a : given) {
      if (answers.containsKey(a.question())) {
        String letter = normalize(a.given());
        if (letter.isEmpty() || letter.equals("?")) {
          last.remove(a.question());
        } else {
          last.put(a.question(), letter);
        }
      }
    }
    List<QuizScore.Item> items = new ArrayList<>();
    int points = 0;
    for (Map.Entry<String, String> e : answers.entrySet()) {
      String q = e.getKey();
      String letter = last.get(q);
      boolean correct = e.getValue().equals(letter);
      if (correct) {
        points++;
      }
      items.add(new QuizScore.Item(q, letter, correct, explanations.get(q)));
    }
    return new QuizScore(items, points, answers.size());
  }

  private static String normalize(String answer) {
    return answer == null ? "" : answer.strip().toUpperCase(Locale.ROOT);
  }
}
