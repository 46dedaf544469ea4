package org.txlab.grader.report;

import java.util.List;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.suite.PlannedTest;

/**
 * The class summary page: per exercise the score distribution and per-test pass rates; then what
 * was not gradable, what needs the instructor's attention, and integrity flags.
 */
final class Summary {
  private static final int BINS = 10;

  private Summary() {}

  static String html(Model m, List<StudentResult> results) {
    StringBuilder h = new StringBuilder("<h1>TxLab: class summary</h1>\n");
    long gradable = results.stream().filter(StudentResult::gradable).count();
    h.append("<p>").append(results.size()).append(" submissions, ").append(gradable);
    h.append(" graded, ").append(results.size() - gradable).append(" not gradable.</p>\n");
    for (Exercise e : m.exercises()) {
      List<ExerciseResult> graded =
          results.stream()
              .map(r -> r.exercise(e.id()).orElse(null))
              .filter(x -> x != null && x.graded())
              .toList();
      h.append("<h2>")
          .append(Html.escape(e.title()))
          .append(" (")
          .append(e.id())
          .append(")</h2>\n");
      h.append("<p>").append(graded.size()).append(" graded.</p>\n");
      h.append(chart(graded, m.maxPoints(e.id()), e.id()));
      h.append("<table><tr><th>test</th><th>category</th><th>points</th><th>passed</th></tr>\n");
      List<PlannedTest> plan = m.plan(e.id());
      for (int i = 0; i < plan.size(); i++) {
        PlannedTest t = plan.get(i);
        int index = i;
        long passed = graded.stream().filter(x -> x.report().results().get(index).passed()).count();
        h.append("<tr><td>").append(Html.escape(t.title())).append("</td><td>");
        h.append(t.category()).append("</td><td>").append(t.points()).append("</td><td>");
        h.append(passed).append(" / ").append(graded.size()).append("</td></tr>\n");
      }
      h.append("</table>\n");
      h.append(figures(results, e.id(), m.maxPoints(e.id())));
    }
    h.append("<h2>Not gradable</h2>\n<ul>\n");
    for (StudentResult r : results) {
      if (!r.gradable()) {
        h.append("<li><strong>").append(Html.escape(r.student())).append("</strong>: ");
        h.append(Html.escape(Gradebooks.firstLine(r.problem()))).append("</li>\n");
      }
      for (ExerciseResult e : r.exercises()) {
        if (!e.graded()) {
          h.append("<li><strong>").append(Html.escape(r.student())).append("</strong>, ");
          h.append(e.exercise()).append(": ");
          h.append(Html.escape(Gradebooks.firstLine(e.problem()))).append("</li>\n");
        }
      }
    }
    h.append("</ul>\n<h2>Needs your attention (the grader's side)</h2>\n<ul>\n");
    for (StudentResult r : results) {
      if (!r.attention().isEmpty()) {
        h.append("<li><strong>").append(Html.escape(r.student())).append("</strong>: ");
        h.append(Html.escape(r.attention())).append("</li>\n");
      }
    }
    h.append("</ul>\n<h2>Integrity flags (for review; they do not change scores)</h2>\n<ul>\n");
    for (StudentResult r : results) {
      if (!r.flags().isEmpty()) {
        h.append("<li><strong>").append(Html.escape(r.student())).append("</strong>: ");
        h.append(Html.escape(String.join(", ", r.flags().stream().sorted().toList())));
        if (!r.incidents().isEmpty()) {
          h.append(" — the JVM ended during ")
              .append(r.incidents().size())
              .append(" test(s), first: ");
          h.append(Html.escape(r.incidents().get(0)));
        }
        h.append("</li>\n");
      }
    }
    h.append("</ul>\n");
    return Html.page("TxLab class summary", h.toString());
  }

  /**
   * A table per figure the exercise's tests measured: students with full points first (correct and
   * cheapest: the lowest value first), then the others.
   */
  private static String figures(List<StudentResult> results, String exercise, int maxPoints) {
    java.util.Map<String, List<String[]>> rows = new java.util.LinkedHashMap<>();
    for (StudentResult r : results) {
      ExerciseResult x = r.exercise(exercise).orElse(null);
      if (x == null || !x.graded()) {
        continue;
      }
      x.report()
          .figures()
          .forEach(
              (k, v) ->
                  rows.computeIfAbsent(k, n -> new java.util.ArrayList<>())
                      .add(new String[] {r.student(), Integer.toString(x.points()), v}));
    }
    StringBuilder h = new StringBuilder();
    rows.forEach(
        (name, list) -> {
          list.sort(
              java.util.Comparator.comparing((String[] a) -> Integer.parseInt(a[1]) < maxPoints)
                  .thenComparingDouble(a -> number(a[2]))
                  .thenComparing(a -> a[0]));
          h.append("<h3>").append(Html.escape(name)).append(" (full points first, lowest first)");
          h.append("</h3>\n<table><tr><th>student</th><th>points</th><th>");
          h.append(Html.escape(name)).append("</th></tr>\n");
          for (String[] a : list) {
            h.append("<tr><td>").append(Html.escape(a[0])).append("</td><td>").append(a[1]);
            h.append(" / ").append(maxPoints).append("</td><td>").append(Html.escape(a[2]));
            h.append("</td></tr>\n");
          }
          h.append("</table>\n");
        });
    return h.toString();
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v.replaceAll("[^0-9.eE+-].*$", ""));
    } catch (NumberFormatException e) {
      return Double.MAX_VALUE;
    }
  }

  private static String chart(List<ExerciseResult> graded, int maxPoints, String id) {
    int[] bins = new int[BINS];
    for (ExerciseResult r : graded) {
      int b = Math.min(BINS - 1, r.points() * BINS / Math.max(1, maxPoints));
      bins[b]++;
    }
    int most = 1;
    for (int b : bins) {
      most = Math.max(most, b);
    }
    int w = 40;
    int height = 160;
    int top = 18;
    StringBuilder svg =
        new StringBuilder("<svg role=\"img\" aria-label=\"score distribution of ")
            .append(Html.escape(id))
            .append("\" width=\"")
            .append(BINS * w + 20)
            .append("\" height=\"")
            .append(height + top + 30)
            .append("\">");
    for (int i = 0; i < BINS; i++) {
      int bar = bins[i] * height / most;
      int x = 10 + i * w;
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(top + height - bar);
      svg.append("\" width=\"").append(w - 6).append("\" height=\"").append(bar);
      svg.append("\" fill=\"#3b6ea5\"><title>").append(bins[i]).append("</title></rect>");
      svg.append("<text x=\"").append(x).append("\" y=\"").append(top + height + 16);
      svg.append("\" font-size=\"10\">")
          .append(i * 100 / BINS)
          .append(i == BINS - 1 ? "–100" : "–" + ((i + 1) * 100 / BINS - 1))
          .append("</text>");
      if (bins[i] > 0) {
        svg.append("<text x=\"").append(x + 8).append("\" y=\"").append(top + height - bar - 4);
        svg.append("\" font-size=\"11\">").append(bins[i]).append("</text>");
      }
    }
    return svg.append(
            "</svg>\n<p>Percent of the points; the bar's number is how many students.</p>\n")
        .toString();
  }
}
