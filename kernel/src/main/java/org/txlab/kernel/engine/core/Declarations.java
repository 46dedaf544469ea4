package org.txlab.kernel.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the types a piece of Java source declares at its top level, found in its text. For
 * source JShell could not parse (a syntax error): there is no snippet to ask, and the text is all
 * there is to tell which class the cell was meant to replace.
 */
final class Declarations {
  private static final Pattern TYPE =
      Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");

  private Declarations() {}

  /**
   * Returns the names declared at brace depth 0, in order.
   *
   * @param source Java source; comments, strings and character literals are skipped
   * @return the names; empty if none
   */
  static List<String> topLevelTypes(String source) {
    String code = blankCommentsAndLiterals(source);
    List<String> names = new ArrayList<>();
    Matcher m = TYPE.matcher(code);
    while (m.find()) {
      if (depth(code, m.start()) == 0 && !names.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static int depth(String code, int end) {
    int depth = 0;
    for (int i = 0; i < end; i++) {
      char c = code.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return depth;
  }

  /** Replaces comments and literals by spaces, keeping offsets. */
  private static String blankCommentsAndLiterals(String s) {
    StringBuilder out = new StringBuilder(s);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int end = i + 1;
      if (s.startsWith("//", i)) {
        end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
      } else if (s.startsWith("/*", i)) {
        end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end + 3;
      } else if (c == '"' || c == '\'') {
        end = i + 1;
        while (end < s.length() && s.charAt(end) != c && s.charAt(end) != '\n') {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(s.length(), end + 1);
      } else {
        i++;
        continue;
      }
      for (int k = i; k < end; k++) {
        if (out.charAt(k) != '\n') {
          out.setCharAt(k, ' ');
        }
      }
      i = end;
    }
    return out.toString();
  }
}
