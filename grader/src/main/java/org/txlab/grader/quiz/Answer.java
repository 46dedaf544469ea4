package org.txlab.grader.quiz;

/**
 * One answer read from a hand-in's quiz cell, {@code Quiz.answer("id", "X")}.
 *
 * @param question the question's id
 * @param given the answer as written, e.g. {@code "b"} or {@code "?"}; never {@code null}
 */
public record Answer(String question, String given) {}
