package org.txlab.grader.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.txlab.grader.batch.QuizResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.TestResult;

/**
 * Writes every report of a graded class into one folder.
 *
 * <ul>
 *   <li>{@code gradebook.csv}: student, place-order, quiz, total, status;
 *   <li>{@code gradebook-canvas.csv} and {@code gradebook-moodle.csv}: the same scores in the
 *       columns those LMSs import;
 *   <li>{@code feedback/<student>.md} and {@code .html}, {@code gradescope/<student>/results.json};
 *   <li>{@code summary.html}: distribution, per-test pass rates, not gradable, integrity flags.
 * </ul>
 */
public final class Reports {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final List<PlannedTest> plan;
  private final int maxPoints;
  private final int quizMax;

  /**
   * Creates a report writer.
   *
   * @param plan the hidden tests, for max points and per-test rates
   * @param quizMax how many quiz questions there are
   */
  public Reports(List<PlannedTest> plan, int quizMax) {
    this.plan = List.copyOf(plan);
    this.maxPoints = plan.stream().mapToInt(PlannedTest::points).sum();
    this.quizMax = quizMax;
  }

  /**
   * Writes all reports; on failure none of the previous files is replaced.
   *
   * @param results one per student
   * @param out the reports folder
   * @throws IOException if writing fails
   */
  public void write(List<StudentResult> results, Path out) throws IOException {
    AtomicFiles files = new AtomicFiles();
    try {
      files.write(out.resolve("gradebook.csv"), gradebook(results));
      files.write(out.resolve("gradebook-canvas.csv"), canvas(results));
      files.write(out.resolve("gradebook-moodle.csv"), moodle(results));
      for (StudentResult r : results) {
        files.write(
            out.resolve("feedback/" + r.student() + ".md"), Feedback.markdown(r, maxPoints));
        files.write(out.resolve("feedback/" + r.student() + ".html"), Feedback.html(r, maxPoints));
        files.write(out.resolve("gradescope/" + r.student() + "/results.json"), gradescope(r));
      }
      files.write(out.resolve("summary.html"), Summary.html(results, plan, maxPoints));
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
   * Returns one student's results in Gradescope's {@code results.json} schema.
   *
   * @param r the student's result
   * @return the JSON text
   */
  public String gradescope(StudentResult r) {
    JsonObject root = new JsonObject();
    root.addProperty("score", total(r));
    root.addProperty("visibility", "visible");
    root.addProperty("stdout_visibility", "hidden");
    JsonArray tests = new JsonArray();
    if (!r.gradable()) {
      root.addProperty("output", "Not gradable: " + r.problem());
    } else {
      root.addProperty(
          "output", "Hidden tests: " + r.points() + "/" + maxPoints + ". Details per test below.");
      for (TestResult t : r.report().results()) {
        JsonObject test = new JsonObject();
        test.addProperty("name", t.title());
        test.addProperty("name_format", "text");
        test.addProperty("number", t.id());
        test.addProperty("score", t.points());
        test.addProperty("max_score", t.maxPoints());
        test.addProperty("status", t.passed() ? "passed" : "failed");
        test.addProperty("visibility", "visible");
        test.addProperty("output", t.passed() ? "" : t.message() + "\n\nHint: " + t.hint());
        JsonArray tags = new JsonArray();
        tags.add(t.category().name().toLowerCase(Locale.ROOT));
        test.add("tags", tags);
        tests.add(test);
      }
    }
    if (r.quiz() != null) {
      for (QuizResult.Answer a : r.quiz().answered()) {
        JsonObject test = new JsonObject();
        test.addProperty("name", "Quiz: " + a.question());
        test.addProperty("score", a.correct() ? 1 : 0);
        test.addProperty("max_score", 1);
        test.addProperty("status", a.correct() ? "passed" : "failed");
        test.addProperty("visibility", "visible");
        tests.add(test);
      }
    }
    root.add("tests", tests);
    return GSON.toJson(root) + "\n";
  }

  private static int total(StudentResult r) {
    return r.points() + (r.quiz() == null ? 0 : r.quiz().points());
  }

  private String gradebook(List<StudentResult> results) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of(
                    "student",
                    "place-order (" + maxPoints + ")",
                    "quiz (" + quizMax + ")",
                    "total",
                    "status")));
    for (StudentResult r : results) {
      csv.append(
          Csv.line(
              List.of(
                  r.student(),
                  Integer.toString(r.points()),
                  r.quiz() == null ? "" : Integer.toString(r.quiz().points()),
                  Integer.toString(total(r)),
                  r.gradable() ? "graded" : "not gradable: " + r.problem().split("\n")[0])));
    }
    return csv.toString();
  }

  private String canvas(List<StudentResult> results) {
    // Canvas's gradebook import: these five identity columns, then one column per assignment.
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of(
                    "Student",
                    "ID",
                    "SIS User ID",
                    "SIS Login ID",
                    "Section",
                    "TxLab place-order",
                    "TxLab quiz")));
    csv.append(
        Csv.line(
            List.of(
                "Points Possible",
                "",
                "",
                "",
                "",
                Integer.toString(maxPoints),
                Integer.toString(quizMax))));
    for (StudentResult r : results) {
      csv.append(
          Csv.line(
              List.of(
                  r.student(),
                  "",
                  "",
                  r.student(),
                  "",
                  Integer.toString(r.points()),
                  r.quiz() == null ? "" : Integer.toString(r.quiz().points()))));
    }
    return csv.toString();
  }

  private String moodle(List<StudentResult> results) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(List.of("username", "TxLab place-order", "TxLab quiz", "Feedback")));
    for (StudentResult r : results) {
      String feedback =
          r.gradable() ? lostSummary(r) : "Not gradable: " + r.problem().split("\n")[0];
      csv.append(
          Csv.line(
              List.of(
                  r.student(),
                  Integer.toString(r.points()),
                  r.quiz() == null ? "" : Integer.toString(r.quiz().points()),
                  feedback)));
    }
    return csv.toString();
  }

  private static String lostSummary(StudentResult r) {
    List<String> parts = new ArrayList<>();
    r.report()
        .lostByCategory()
        .forEach(
            (Category c, Integer p) -> parts.add(c.name().toLowerCase(Locale.ROOT) + " -" + p));
    return parts.isEmpty() ? "all hidden tests passed" : "lost: " + String.join(", ", parts);
  }
}
