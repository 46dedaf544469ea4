package org.txlab.grader.report;

import java.util.Locale;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.quiz.QuizScore;
import org.txlab.grader.suite.TestResult;

/**
 * One student's feedback: per exercise and category what passed and what failed and why, with
 * hints; never hidden test source.
 */
final class Feedback {
  private Feedback() {}

  static String markdown(Model m, StudentResult r) {
    StringBuilder md = new StringBuilder("# Feedback for ").append(r.student()).append("\n\n");
    md.append("Handed in: `").append(r.origin()).append("`\n\n");
    if (!r.gradable()) {
      md.append("**Not gradable.** ").append(Gradebooks.firstLine(r.problem())).append("\n\n");
      if (r.problem().contains("\n")) {
        md.append("```\n").append(r.problem()).append("\n```\n\n");
      }
      md.append(
          r.attention().isEmpty()
              ? "Fix this and hand in again; the hidden tests did not run.\n"
              : "This is a problem on the grader's side; your instructor will look at it.\n");
    }
    for (ExerciseResult e : r.exercises()) {
      Exercise ex = m.exercise(e.exercise());
      md.append("## ").append(ex.title()).append(" (").append(ex.id()).append("): ");
      md.append(e.points()).append(" / ").append(e.maxPoints()).append(" points\n\n");
      if (!e.graded()) {
        md.append("**Not graded.** ").append(Gradebooks.firstLine(e.problem())).append("\n\n");
        if (e.problem().contains("\n")) {
          md.append("```\n").append(e.problem()).append("\n```\n\n");
        }
        continue;
      }
      for (Exercise.Category c : ex.categories()) {
        md.append("### ").append(title(c.name())).append("\n\n");
        md.append("_").append(c.description()).append("_\n\n");
        for (TestResult t : e.report().results()) {
          if (!t.category().equals(c.name())) {
            continue;
          }
          md.append(t.passed() ? "- ✔ " : "- ✘ ").append(t.title());
          md.append(" (").append(t.points()).append('/').append(t.maxPoints()).append(")\n");
          if (!t.passed()) {
            md.append("\n  ```\n  ").append(t.message().replace("\n", "\n  ")).append("\n  ```\n");
            md.append("  Hint: ").append(t.hint()).append("\n\n");
          }
        }
        md.append('\n');
      }
      if (!e.report().figures().isEmpty()) {
        md.append("### Figures\n\n");
        e.report()
            .figures()
            .forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n');
      }
    }
    if (!r.incidents().isEmpty()) {
      md.append("## What stopped your code\n\n");
      r.incidents().forEach(i -> md.append("- ").append(i).append('\n'));
      md.append('\n');
    }
    quiz(r.quiz(), md);
    if (r.output() != null && !r.output().isBlank()) {
      md.append("\n## What your code printed (start)\n\n```\n")
          .append(r.output())
          .append("\n```\n");
    }
    return md.toString();
  }

  static String html(Model m, StudentResult r) {
    StringBuilder h = new StringBuilder("<h1>Feedback for ").append(Html.escape(r.student()));
    h.append("</h1>\n<p>Handed in: <code>").append(Html.escape(r.origin())).append("</code></p>\n");
    if (!r.gradable()) {
      h.append("<p><strong>Not gradable.</strong> ");
      h.append(
          r.attention().isEmpty()
              ? "Fix this and hand in again; the hidden tests did not run."
              : "This is a problem on the grader's side; your instructor will look at it.");
      h.append("</p>\n<pre>").append(Html.escape(r.problem())).append("</pre>\n");
    }
    for (ExerciseResult e : r.exercises()) {
      Exercise ex = m.exercise(e.exercise());
      h.append("<h2>").append(Html.escape(ex.title())).append(": ").append(e.points());
      h.append(" / ").append(e.maxPoints()).append(" points</h2>\n");
      if (!e.graded()) {
        h.append("<p><strong>Not graded.</strong></p><pre>").append(Html.escape(e.problem()));
        h.append("</pre>\n");
        continue;
      }
      for (Exercise.Category c : ex.categories()) {
        h.append("<h3>").append(title(c.name())).append("</h3>\n<p><em>");
        h.append(Html.escape(c.description())).append("</em></p>\n<ul>\n");
        for (TestResult t : e.report().results()) {
          if (!t.category().equals(c.name())) {
            continue;
          }
          h.append("<li class=\"").append(t.passed() ? "pass" : "fail").append("\">");
          h.append(t.passed() ? "✔ " : "✘ ").append(Html.escape(t.title()));
          h.append(" (").append(t.points()).append('/').append(t.maxPoints()).append(")");
          if (!t.passed()) {
            h.append("<pre>").append(Html.escape(t.message())).append("</pre><p>Hint: ");
            h.append(Html.escape(t.hint())).append("</p>");
          }
          h.append("</li>\n");
        }
        h.append("</ul>\n");
      }
      if (!e.report().figures().isEmpty()) {
        h.append("<h3>Figures</h3>\n<ul>\n");
        e.report()
            .figures()
            .forEach(
                (k, v) ->
                    h.append("<li>")
                        .append(Html.escape(k))
                        .append(": ")
                        .append(Html.escape(v))
                        .append("</li>\n"));
        h.append("</ul>\n");
      }
    }
    if (!r.incidents().isEmpty()) {
      h.append("<h2>What stopped your code</h2><ul>");
      r.incidents().forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
      h.append("</ul>\n");
    }
    if (r.quiz() != null) {
      h.append("<h2>Quiz: ").append(r.quiz().points()).append(" / ").append(r.quiz().maxPoints());
      h.append("</h2>\n<ul>");
      for (QuizScore.Item a : r.quiz().items()) {
        h.append("<li class=\"").append(a.correct() ? "pass\">✔ " : "fail\">✘ ");
        h.append(Html.escape(a.question())).append(": ").append(Html.escape(given(a)));
        h.append("<br><small>").append(Html.escape(a.explanation())).append("</small></li>");
      }
      h.append("</ul>\n");
    }
    if (r.output() != null && !r.output().isBlank()) {
      h.append("<h2>What your code printed (start)</h2><pre>").append(Html.escape(r.output()));
      h.append("</pre>\n");
    }
    return Html.page("Feedback for " + r.student(), h.toString());
  }

  private static String given(QuizScore.Item a) {
    return a.answered() ? "you answered " + a.given() : "not answered";
  }

  private static void quiz(QuizScore quiz, StringBuilder md) {
    if (quiz == null) {
      return;
    }
    md.append("## Quiz: ").append(quiz.points()).append(" / ").append(quiz.maxPoints());
    md.append("\n\n");
    for (QuizScore.Item a : quiz.items()) {
      md.append(a.correct() ? "- ✔ " : "- ✘ ").append(a.question()).append(": ").append(given(a));
      md.append("  \n  ").append(a.explanation()).append('\n');
    }
  }

  static String title(String category) {
    String n = category.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
