package org.txlab.course.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the fields of a line protocol so that every Java string round-trips.
 *
 * <p>A field is encoded with backslash escapes: {@code \\} for a backslash, {@code \n}, {@code \r},
 * {@code \t}, and {@code \}{@code uXXXX} for every other control character and every unpaired
 * surrogate (which UTF-8 cannot carry). An encoded field never holds a tab or a line break, so
 * fields join with tabs into one line. Decoding is strict: a malformed escape is an error, never
 * guessed at, because the other side of a protocol may be hostile.
 */
public final class LineCodec {
  private static final char SEPARATOR = '\t';

  private LineCodec() {}

  /**
   * Encodes one field.
   *
   * @param s any string; never {@code null}
   * @return the encoded field: printable, with no tab or line break
   */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean unpaired =
              Character.isHighSurrogate(c)
                  ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                  : Character.isLowSurrogate(c)
                      && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || c == 0x7f || unpaired) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Decodes one field.
   *
   * @param s an encoded field
   * @return the original string
   * @throws IllegalArgumentException if {@code s} holds a raw tab or line break or a malformed
   *     escape
   */
  public static String decode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("raw control character in an encoded field at " + i);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw new IllegalArgumentException("dangling backslash at the end of a field");
      }
      char e = s.charAt(i);
      switch (e) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 >= s.length()) {
            throw new IllegalArgumentException("short \\u escape at " + i);
          }
          String hex = s.substring(i + 1, i + 5);
          try {
            out.append((char) Integer.parseInt(hex, 16));
          } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("bad \\u escape '" + hex + "' at " + i, bad);
          }
          i += 4;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " at " + i);
      }
    }
    return out.toString();
  }

  /**
   * Encodes fields into one line (without its line break).
   *
   * @param fields the fields; none {@code null}
   * @return the line
   */
  public static String join(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(SEPARATOR);
      }
      line.append(encode(fields.get(i)));
    }
    return line.toString();
  }

  /**
   * Encodes fields into one line (without its line break).
   *
   * @param fields the fields; none {@code null}
   * @return the line
   */
  public static String join(String... fields) {
    return join(List.of(fields));
  }

  /**
   * Splits a line into its decoded fields.
   *
   * @param line a line made by {@link #join}
   * @return the fields; at least one
   * @throws IllegalArgumentException if a field is malformed
   */
  public static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == SEPARATOR) {
        fields.add(decode(line.substring(start, i)));
        start = i + 1;
      }
    }
    return fields;
  }
}
