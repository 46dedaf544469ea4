package org.txlab.grader.sources;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a reference solution into the student's starter, nbgrader's way.
 *
 * <p>A region {@code // BEGIN SOLUTION <exercise>: <hint>} … {@code // END SOLUTION} inside a
 * method becomes {@code // TODO(<exercise>): <hint>} and a {@code throw new
 * UnsupportedOperationException("<exercise>: <hint>")}. A bare {@code // BEGIN SOLUTION} region
 * (helper methods, say) is removed.
 */
public final class Starter {
  private static final Pattern BEGIN =
      Pattern.compile("^(\\s*)// BEGIN SOLUTION(?:\\s+([\\w-]+):\\s*(.+?))?\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");

  private Starter() {}

  /**
   * Replaces every solution region.
   *
   * @param source a Java source with solution markers
   * @param name the file's name, for messages
   * @return the starter source
   * @throws IllegalArgumentException if markers are unbalanced or nested
   */
  public static String strip(String source, String name) {
    StringBuilder out = new StringBuilder();
    boolean inside = false;
    int lineNo = 0;
    for (String line : source.split("\n", -1)) {
      lineNo++;
      Matcher begin = BEGIN.matcher(line);
      if (begin.matches()) {
        if (inside) {
          throw new IllegalArgumentException(name + ":" + lineNo + ": nested BEGIN SOLUTION");
        }
        inside = true;
        if (begin.group(2) != null) {
          String indent = begin.group(1);
          String exercise = begin.group(2);
          String hint = begin.group(3);
          out.append(indent).append("// TODO(").append(exercise).append("): ").append(hint);
          out.append('\n').append(indent).append("throw new UnsupportedOperationException(\"");
          out.append(exercise).append(": ").append(hint.replace("\"", "\\\"")).append("\");\n");
        }
      } else if (END.matcher(line).matches()) {
        if (!inside) {
          throw new IllegalArgumentException(name + ":" + lineNo + ": END SOLUTION without BEGIN");
        }
        inside = false;
      } else if (!inside) {
        out.append(line).append('\n');
      }
    }
    if (inside) {
      throw new IllegalArgumentException(name + ": BEGIN SOLUTION is never closed");
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /**
   * Tells whether a source has any solution region.
   *
   * @param source a Java source
   * @return true if it has a BEGIN SOLUTION marker
   */
  public static boolean hasSolution(String source) {
    return source.lines().anyMatch(l -> BEGIN.matcher(l).matches());
  }
}
