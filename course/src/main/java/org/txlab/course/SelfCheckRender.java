package org.txlab.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shows a self-check's report: as lines of text, or as the HTML block the notebooks display. */
final class SelfCheckRender {
  private SelfCheckRender() {}

  /** Names the class tested, e.g. {@code PlaceOrder (class fingerprint 3fa9c2d1, …)}. */
  static String tested(SelfCheckSubject subject) {
    return Messages.get(
        subject.inCell() ? "selfcheck.tested.cell" : "selfcheck.tested.class",
        subject.name(),
        subject.fingerprint());
  }

  static String text(SelfCheck.Report r) {
    StringBuilder out = new StringBuilder(Messages.get("selfcheck.title", r.tested())).append('\n');
    for (SelfCheck.Check c : r.checks()) {
      out.append(c.passed() ? "✔ " : "✘ ").append(c.check()).append('\n');
      if (!c.passed()) {
        out.append("    ").append(c.problem().replace("\n", "\n    ")).append('\n');
      }
    }
    return out.append(count(r)).append('\n').append(hidden(r.hidden())).toString();
  }

  static String html(SelfCheck.Report r) {
    String verdict = r.passed() ? "pass" : "fail";
    StringBuilder out =
        new StringBuilder("<div class=\"txlab-selfcheck\" data-verdict=\"")
            .append(verdict)
            .append("\">\n<p><b>")
            .append(escape(Messages.get("selfcheck.title", r.tested())))
            .append("</b></p>\n<table class=\"txlab-table\">\n<thead><tr><th></th><th>")
            .append(escape(Messages.get("selfcheck.column.check")))
            .append("</th><th>")
            .append(escape(Messages.get("selfcheck.column.problem")))
            .append("</th></tr></thead>\n<tbody>\n");
    for (SelfCheck.Check c : r.checks()) {
      out.append("<tr data-passed=\"")
          .append(c.passed())
          .append("\"><td style=\"color:")
          .append(c.passed() ? "#1a7f37\">✔" : "#cf222e\">✘")
          .append("</td><td style=\"text-align:left\">")
          .append(escape(c.check()))
          .append("</td><td style=\"text-align:left\">")
          .append(escape(c.problem()).replace("\n", "<br>"))
          .append("</td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n<p><b>")
        .append(escape(count(r)))
        .append("</b> ")
        .append(escape(hidden(r.hidden())))
        .append("</p>\n</div>")
        .toString();
  }

  private static String count(SelfCheck.Report r) {
    return Messages.get("selfcheck.count", r.passedCount(), r.checks().size());
  }

  private static String hidden(Map<String, Integer> hidden) {
    int total = 0;
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : hidden.entrySet()) {
      total += e.getValue();
      parts.add(e.getKey() + " " + e.getValue());
    }
    return Messages.get("selfcheck.hidden.count", total, String.join(", ", parts));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
