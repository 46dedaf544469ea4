package org.txlab.grader.report;

import java.util.Locale;
import org.txlab.grader.batch.QuizResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.TestResult;

/** One student's feedback: per category what passed and what failed and why, with hints. */
final class Feedback {
  private Feedback() {}

  static String markdown(StudentResult r, int maxPoints) {
    StringBuilder md = new StringBuilder("# Feedback for ").append(r.student()).append("\n\n");
    md.append("Handed in: `").append(r.origin()).append("`\n\n");
    if (!r.gradable()) {
      md.append("**Not gradable.** ").append(firstLine(r.problem())).append("\n\n");
      if (r.problem().contains("\n")) {
        md.append("```\n").append(r.problem()).append("\n```\n\n");
      }
      md.append("Fix this and hand in again; the hidden tests did not run.\n");
    } else {
      md.append("**place-order: ").append(r.points()).append(" / ").append(maxPoints);
      md.append(" points**\n");
      for (Category c : Category.values()) {
        md.append("\n## ").append(title(c)).append("\n\n");
        for (TestResult t : r.report().results()) {
          if (t.category() != c) {
            continue;
          }
          md.append(t.passed() ? "- ✔ " : "- ✘ ").append(t.title());
          md.append(" (").append(t.points()).append('/').append(t.maxPoints()).append(")\n");
          if (!t.passed()) {
            md.append("\n  ```\n  ").append(t.message().replace("\n", "\n  ")).append("\n  ```\n");
            md.append("  Hint: ").append(t.hint()).append("\n\n");
          }
        }
      }
      if (!r.incidents().isEmpty()) {
        md.append("\n## What stopped your code\n\n");
        r.incidents().forEach(i -> md.append("- ").append(i).append('\n'));
      }
    }
    quiz(r.quiz(), md);
    if (r.output() != null && !r.output().isBlank()) {
      md.append("\n## What your code printed (start)\n\n```\n")
          .append(r.output())
          .append("\n```\n");
    }
    return md.toString();
  }

  static String html(StudentResult r, int maxPoints) {
    StringBuilder h = new StringBuilder("<h1>Feedback for ").append(Html.escape(r.student()));
    h.append("</h1>\n<p>Handed in: <code>").append(Html.escape(r.origin())).append("</code></p>\n");
    if (!r.gradable()) {
      h.append(
          "<p><strong>Not gradable.</strong> Fix this and hand in again; the hidden tests did");
      h.append(" not run.</p>\n<pre>").append(Html.escape(r.problem())).append("</pre>\n");
    } else {
      h.append("<p><strong>place-order: ").append(r.points()).append(" / ").append(maxPoints);
      h.append(" points</strong></p>\n");
      for (Category c : Category.values()) {
        h.append("<h2>").append(title(c)).append("</h2>\n<ul>\n");
        for (TestResult t : r.report().results()) {
          if (t.category() != c) {
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
      if (!r.incidents().isEmpty()) {
        h.append("<h2>What stopped your code</h2><ul>");
        r.incidents().forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
        h.append("</ul>\n");
      }
    }
    if (r.quiz() != null) {
      h.append("<h2>Quiz: ").append(r.quiz().points()).append(" / ").append(r.quiz().maxPoints());
      h.append("</h2>\n<ul>");
      for (QuizResult.Answer a : r.quiz().answered()) {
        h.append("<li class=\"").append(a.correct() ? "pass\">✔ " : "fail\">✘ ");
        h.append(Html.escape(a.question())).append("</li>");
      }
      h.append("</ul>\n");
    }
    if (r.output() != null && !r.output().isBlank()) {
      h.append("<h2>What your code printed (start)</h2><pre>").append(Html.escape(r.output()));
      h.append("</pre>\n");
    }
    return Html.page("Feedback for " + r.student(), h.toString());
  }

  private static void quiz(QuizResult quiz, StringBuilder md) {
    if (quiz == null) {
      return;
    }
    md.append("\n## Quiz: ").append(quiz.points()).append(" / ").append(quiz.maxPoints());
    md.append("\n\n");
    for (QuizResult.Answer a : quiz.answered()) {
      md.append(a.correct() ? "- ✔ " : "- ✘ ").append(a.question()).append('\n');
    }
  }

  static String title(Category c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static String firstLine(String s) {
    return s.split("\n", 2)[0];
  }
}
