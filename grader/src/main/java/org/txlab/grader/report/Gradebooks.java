package org.txlab.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.exercise.Exercise;

/** The gradebooks: plain, and in the columns Canvas's and Moodle's imports expect. */
final class Gradebooks {
  private Gradebooks() {}

  static String plain(Model m, List<StudentResult> results) {
    List<String> header = new ArrayList<>(List.of("student"));
    for (Exercise e : m.exercises()) {
      header.add(e.id() + " (" + m.maxPoints(e.id()) + ")");
    }
    header.addAll(List.of("quiz (" + m.quizMax() + ")", "total (" + m.maxTotal() + ")", "status"));
    StringBuilder csv = new StringBuilder(Csv.line(header));
    for (StudentResult r : results) {
      List<String> row = new ArrayList<>(List.of(r.student()));
      for (Exercise e : m.exercises()) {
        row.add(Integer.toString(r.exercise(e.id()).map(ExerciseResult::points).orElse(0)));
      }
      row.add(quiz(r));
      row.add(Integer.toString(r.total()));
      row.add(status(r));
      csv.append(Csv.line(row));
    }
    return csv.toString();
  }

  static String canvas(Model m, List<StudentResult> results) {
    // Canvas's gradebook import: these five identity columns, then one column per assignment.
    List<String> header =
        new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
    List<String> possible = new ArrayList<>(List.of("Points Possible", "", "", "", ""));
    for (Exercise e : m.exercises()) {
      header.add("TxLab " + e.id());
      possible.add(Integer.toString(m.maxPoints(e.id())));
    }
    header.add("TxLab quiz");
    possible.add(Integer.toString(m.quizMax()));
    StringBuilder csv = new StringBuilder(Csv.line(header)).append(Csv.line(possible));
    for (StudentResult r : results) {
      List<String> row = new ArrayList<>(List.of(r.student(), "", "", r.student(), ""));
      for (Exercise e : m.exercises()) {
        row.add(Integer.toString(r.exercise(e.id()).map(ExerciseResult::points).orElse(0)));
      }
      row.add(quiz(r));
      csv.append(Csv.line(row));
    }
    return csv.toString();
  }

  static String moodle(Model m, List<StudentResult> results) {
    List<String> header = new ArrayList<>(List.of("username"));
    m.exercises().forEach(e -> header.add("TxLab " + e.id()));
    header.addAll(List.of("TxLab quiz", "Feedback"));
    StringBuilder csv = new StringBuilder(Csv.line(header));
    for (StudentResult r : results) {
      List<String> row = new ArrayList<>(List.of(r.student()));
      for (Exercise e : m.exercises()) {
        row.add(Integer.toString(r.exercise(e.id()).map(ExerciseResult::points).orElse(0)));
      }
      row.add(quiz(r));
      row.add(r.gradable() ? lost(r) : "Not gradable: " + firstLine(r.problem()));
      csv.append(Csv.line(row));
    }
    return csv.toString();
  }

  private static String quiz(StudentResult r) {
    return r.quiz() == null ? "" : Integer.toString(r.quiz().points());
  }

  private static final String NO_IMPLEMENTATION = "[NO_IMPLEMENTATION]";

  static String status(StudentResult r) {
    if (!r.gradable()) {
      return (r.attention().isEmpty() ? "not gradable: " : "needs attention: ")
          + firstLine(r.problem());
    }
    List<String> parts = new ArrayList<>();
    parts.add(r.attention().isEmpty() ? "graded" : "needs attention: " + r.attention());
    // Exercises the hand-in holds no class for are listed together: with several exercises, most
    // hand-ins lack most of them, and the feedback names the interface each one needs.
    // So are exercises not graded for the same reason (one notebook cell that fails, say).
    List<String> missing = new ArrayList<>();
    java.util.Map<String, List<String>> byProblem = new java.util.LinkedHashMap<>();
    for (ExerciseResult e : r.exercises()) {
      if (!e.graded()) {
        if (e.problem().startsWith(NO_IMPLEMENTATION) && !e.problem().contains("\n")) {
          missing.add(e.exercise());
        } else {
          byProblem.computeIfAbsent(brief(e.problem()), p -> new ArrayList<>()).add(e.exercise());
        }
      }
    }
    byProblem.forEach(
        (problem, ids) -> parts.add(String.join(", ", ids) + " not graded: " + problem));
    if (!missing.isEmpty()) {
      parts.add("no implementation of " + String.join(", ", missing));
    }
    return String.join("; ", parts);
  }

  private static String lost(StudentResult r) {
    List<String> parts = new ArrayList<>();
    for (ExerciseResult e : r.exercises()) {
      if (!e.graded()) {
        parts.add(e.exercise() + ": not graded");
        continue;
      }
      e.report()
          .lostByCategory()
          .forEach((c, p) -> parts.add(e.exercise() + " " + c.toLowerCase(Locale.ROOT) + " -" + p));
    }
    return parts.isEmpty() ? "all hidden tests passed" : "lost: " + String.join(", ", parts);
  }

  /** A problem as a gradebook cell shows it: its first clause; the feedback has the rest. */
  static String brief(String problem) {
    String s = firstLine(problem);
    int cut = s.indexOf("; ");
    if (cut > 0) {
      s = s.substring(0, cut);
    }
    return s.length() <= 120 ? s : s.substring(0, 119) + "…";
  }

  static String firstLine(String s) {
    return s == null ? "" : s.split("\n", 2)[0];
  }
}
