/**
 * The graded quiz questions: their answer key (a resource of this package, never in the student
 * release) and the scoring of a hand-in's answers, with the explanations for the feedback.
 *
 * <pre>{@code
 * QuizKey key = QuizKey.load();
 * QuizScore score = key.score(List.of(new Answer("wait-and-see", "b")));
 * score.points() + " / " + score.maxPoints()   // "1 / 12"
 * }</pre>
 */
package org.txlab.grader.quiz;
