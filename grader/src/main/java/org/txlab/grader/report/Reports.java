package org.txlab.grader.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.quiz.QuizScore;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.TestResult;

/**
 * Writes every report of a graded class into one folder.
 *
 * <ul>
 *   <li>{@code gradebook.csv}: student, a column per exercise, quiz, total, status;
 *   <li>{@code gradebook-canvas.csv} and {@code gradebook-moodle.csv}: the same scores in the
 *       columns those LMSs import;
 *   <li>{@code feedback/<student>.md} and {@code .html}, {@code gradescope/<student>/results.json};
 *   <li>{@code summary.html}: per exercise the distribution and per-test pass rates; not gradable;
 *       integrity flags; what needs the instructor's attention.
 * </ul>
 */
public final class Reports {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Model model;

  /**
   * Creates a report writer.
   *
   * @param exercises the exercises graded, in column order
   * @param plans each exercise's tests, for max points and per-test rates
   * @param quizMax how many graded quiz questions there are
   */
  public Reports(List<Exercise> exercises, Map<String, List<PlannedTest>> plans, int quizMax) {
    this.model = new Model(exercises, plans, quizMax);
  }

  /**
   * Writes all reports; on failure none of the previous files is replaced.
   *
   * @param unordered one per student, in any order
   * @param out the reports folder
   * @throws IOException if writing fails
   */
  public void write(List<StudentResult> unordered, Path out) throws IOException {
    // By student id, whatever order grading finished in: one class graded in shards and merged
    // gets the very same files as graded at once.
    List<StudentResult> results =
        unordered.stream().sorted(java.util.Comparator.comparing(StudentResult::student)).toList();
    AtomicFiles files = new AtomicFiles();
    try {
      files.write(out.resolve("gradebook.csv"), Gradebooks.plain(model, results));
      files.write(out.resolve("gradebook-canvas.csv"), Gradebooks.canvas(model, results));
      files.write(out.resolve("gradebook-moodle.csv"), Gradebooks.moodle(model, results));
      for (StudentResult r : results) {
        files.write(out.resolve("feedback/" + r.student() + ".md"), Feedback.markdown(model, r));
        files.write(out.resolve("feedback/" + r.student() + ".html"), Feedback.html(model, r));
        files.write(out.resolve("gradescope/" + r.student() + "/results.json"), gradescope(r));
      }
      files.write(out.resolve("summary.html"), Summary.html(model, results));
      files.commit();
    } finally {
      files.abandon();
    }
  }

  /**
   * Writes one student's Gradescope {@code results.json}, atomically.
   *
   * @param r the student's result
   * @param file where it goes, e.g. {@code /autograder/results/results.json}
   * @throws IOException if writing fails
   */
  public void writeGradescope(StudentResult r, Path file) throws IOException {
    AtomicFiles files = new AtomicFiles();
    try {
      files.write(file.toAbsolutePath(), gradescope(r));
      files.commit();
    } finally {
      files.abandon();
    }
  }

  /**
   * Returns one student's results in Gradescope's {@code results.json} schema: a test per hidden
   * test, named {@code exercise › category › test}, and one per quiz question.
   *
   * @param r the student's result
   * @return the JSON text
   */
  public String gradescope(StudentResult r) {
    JsonObject root = new JsonObject();
    root.addProperty("score", r.total());
    root.addProperty("visibility", "visible");
    root.addProperty("stdout_visibility", "hidden");
    JsonArray tests = new JsonArray();
    List<String> summary = new ArrayList<>();
    if (!r.gradable()) {
      summary.add("Not gradable: " + r.problem());
    }
    for (ExerciseResult e : r.exercises()) {
      Exercise ex = model.exercise(e.exercise());
      if (!e.graded()) {
        summary.add(ex.title() + ": not graded: " + e.problem());
        for (PlannedTest t : model.plan(e.exercise())) {
          tests.add(test(ex, t.category(), t.title(), t.id(), 0, t.points(), false, e.problem()));
        }
        continue;
      }
      summary.add(ex.title() + ": " + e.points() + "/" + e.maxPoints());
      for (TestResult t : e.report().results()) {
        tests.add(
            test(
                ex,
                t.category(),
                t.title(),
                t.id(),
                t.points(),
                t.maxPoints(),
                t.passed(),
                t.passed() ? "" : t.message() + "\n\nHint: " + t.hint()));
      }
    }
    QuizScore quiz = r.quiz();
    if (quiz != null) {
      summary.add("Quiz: " + quiz.points() + "/" + quiz.maxPoints());
      for (QuizScore.Item a : quiz.items()) {
        JsonObject test = new JsonObject();
        test.addProperty("name", "Quiz › " + a.question());
        test.addProperty("score", a.correct() ? 1 : 0);
        test.addProperty("max_score", 1);
        test.addProperty("status", a.correct() ? "passed" : "failed");
        test.addProperty(
            "output",
            (a.answered() ? "You answered " + a.given() + ". " : "Not answered. ")
                + a.explanation());
        // The explanation gives the answer away: shown once resubmitting cannot use it.
        test.addProperty("visibility", "after_due_date");
        tests.add(test);
      }
    }
    root.addProperty("output", String.join("\n", summary));
    root.add("tests", tests);
    return GSON.toJson(root) + "\n";
  }

  private static JsonObject test(
      Exercise ex,
      String category,
      String title,
      String id,
      int score,
      int max,
      boolean passed,
      String output) {
    JsonObject test = new JsonObject();
    test.addProperty("name", ex.id() + " › " + category + " › " + title);
    test.addProperty("name_format", "text");
    test.addProperty("number", ex.id() + "/" + id);
    test.addProperty("score", score);
    test.addProperty("max_score", max);
    test.addProperty("status", passed ? "passed" : "failed");
    test.addProperty("visibility", "visible");
    test.addProperty("output", output);
    JsonArray tags = new JsonArray();
    tags.add(ex.id());
    tags.add(category);
    test.add("tags", tags);
    return test;
  }
}
