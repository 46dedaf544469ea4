package org.txlab.kernel.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;
import org.txlab.kernel.engine.EvalError;

/** Turns JShell failures into {@link EvalError}s with cell line numbers. */
final class Tracebacks {

  /**
   * Where a snippet came from.
   *
   * @param cell the engine's cell number
   * @param line 1-based line of the snippet's first line in that cell
   */
  record Origin(int cell, int line) {}

  private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]?[.$]?");

  /** JShell's wrapper class names inside messages, such as helpful NullPointerException texts. */
  private static final Pattern WRAPPER_IN_TEXT =
      Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?[.$]");

  private Tracebacks() {}

  static EvalError compile(List<Diag> diags, String snippet, int snippetLine) {
    List<String> lines = new ArrayList<>();
    String first = null;
    int firstLine = 0;
    for (Diag d : diags) {
      if (!d.isError()) {
        continue;
      }
      int pos = (int) Math.max(0, Math.min(d.getStartPosition(), snippet.length()));
      int line = snippetLine + CellSource.lineAt(snippet, pos) - 1;
      String message = d.getMessage(Locale.ROOT);
      if (first == null) {
        first = message;
        firstLine = line;
      }
      lines.add("line " + line + ": " + message);
      int lineStart = snippet.lastIndexOf('\n', pos - 1) + 1;
      int lineEnd = snippet.indexOf('\n', pos);
      String text = snippet.substring(lineStart, lineEnd < 0 ? snippet.length() : lineEnd);
      lines.add("    " + text);
      lines.add("    " + " ".repeat(Math.max(0, pos - lineStart)) + "^");
    }
    if (first == null) {
      first = "the snippet was rejected";
      lines.add("line " + snippetLine + ": " + first);
    }
    return new EvalError(
        EvalError.Kind.COMPILE,
        "CompilationError",
        "line " + firstLine + ": " + first,
        lines,
        firstLine);
  }

  static EvalError runtime(JShellException e, Map<String, Origin> origins, int currentCell) {
    List<String> lines = new ArrayList<>();
    int[] line = {0};
    String ename = exceptionClass(e);
    String evalue = clean(e.getMessage() == null ? "" : e.getMessage());
    appendTrace(lines, e, origins, currentCell, line, "");
    return new EvalError(EvalError.Kind.RUNTIME, ename, evalue, lines, line[0]);
  }

  static String clean(String text) {
    return WRAPPER_IN_TEXT.matcher(text).replaceAll("");
  }

  private static String exceptionClass(Throwable e) {
    if (e instanceof EvalException ee) {
      return ee.getExceptionClassName();
    }
    if (e instanceof UnresolvedReferenceException) {
      return "UnresolvedReference";
    }
    return e.getClass().getName();
  }

  private static void appendTrace(
      List<String> lines,
      Throwable e,
      Map<String, Origin> origins,
      int currentCell,
      int[] line,
      String prefix) {
    String message = e.getMessage();
    lines.add(prefix + exceptionClass(e) + (message == null ? "" : ": " + clean(message)));
    StackTraceElement[] frames = e.getStackTrace();
    int last = frames.length - 1;
    while (last >= 0 && !isCellFrame(frames[last])) {
      last--;
    }
    if (last < 0) {
      last = frames.length - 1;
    }
    for (int i = 0; i <= last; i++) {
      StackTraceElement f = frames[i];
      if (isKernelFrame(f)) {
        continue;
      }
      if (isCellFrame(f)) {
        lines.add("    at " + describe(f, origins, currentCell, line));
      } else {
        lines.add("    at " + f);
      }
    }
    if (e.getCause() != null && e.getCause() != e) {
      appendTrace(lines, e.getCause(), origins, currentCell, line, "Caused by: ");
    }
  }

  private static boolean isCellFrame(StackTraceElement f) {
    return f.getFileName() != null && f.getFileName().startsWith("#");
  }

  private static boolean isKernelFrame(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("org.txlab.kernel.") || c.startsWith("jdk.jshell.");
  }

  private static String describe(
      StackTraceElement f, Map<String, Origin> origins, int currentCell, int[] firstLine) {
    Origin origin = origins.get(f.getFileName().substring(1));
    String method = WRAPPER.matcher(f.getClassName()).replaceFirst("");
    String name = f.getMethodName();
    String where;
    if (origin == null) {
      where = "snippet " + f.getFileName() + ", line " + f.getLineNumber();
    } else {
      int cellLine = origin.line() + Math.max(1, f.getLineNumber()) - 1;
      if (origin.cell() == currentCell) {
        where = "line " + cellLine;
        if (firstLine[0] == 0) {
          firstLine[0] = cellLine;
        }
      } else {
        where = "cell " + origin.cell() + ", line " + cellLine;
      }
    }
    if (name.isEmpty() || name.equals("do_it$")) {
      return "cell (" + where + ")";
    }
    String qualified = method.isEmpty() ? name : method + "." + name;
    return qualified + " (" + where + ")";
  }
}
