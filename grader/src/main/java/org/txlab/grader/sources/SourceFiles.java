package org.txlab.grader.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a hand-in's {@code .java} file really holds, whatever its name and encoding say: students'
 * editors save in UTF-16 or Windows-1252 and with byte-order marks, and browsers and LMS downloads
 * rename files ({@code PlaceOrder (1).java}, a mangled non-UTF-8 zip entry name). javac rejects all
 * of those, so the grader reads the text and names the file after the public class it declares.
 */
public final class SourceFiles {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private SourceFiles() {}

  /**
   * Decodes a source file: UTF-16 and UTF-8 by their byte-order mark, then UTF-8 if the bytes are
   * valid UTF-8, else Windows-1252 (which reads every byte, Latin-1 text included).
   *
   * @param bytes the file's bytes
   * @return its text, without a byte-order mark
   */
  public static String decode(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    int from =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, from, bytes.length - from, WINDOWS_1252);
    }
  }

  /**
   * Finds the public top-level type a source file declares: the name javac demands for its file.
   * Comments, string, character and text-block literals are skipped, and only declarations outside
   * every brace count.
   *
   * @param source the file's text
   * @return the type's simple name, if the file declares a public top-level type
   */
  public static Optional<String> publicTopLevelType(String source) {
    String code = blankOutCommentsAndLiterals(source);
    int depth = 0;
    boolean sawPublic = false;
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '{') {
        depth++;
        sawPublic = false;
        i++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (c == ';') {
        sawPublic = false;
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
          end++;
        }
        String word = code.substring(i, end);
        i = end;
        if (depth != 0) {
          continue;
        }
        if (word.equals("public")) {
          sawPublic = true;
        } else if (sawPublic && isTypeKeyword(word, code, i)) {
          Optional<String> name = nextIdentifier(code, i);
          if (name.isPresent()) {
            return name;
          }
        }
      } else {
        i++;
      }
    }
    return Optional.empty();
  }

  private static boolean isTypeKeyword(String word, String code, int after) {
    if (word.equals("class") || word.equals("enum") || word.equals("interface")) {
      return true;
    }
    // "record" is a contextual keyword: a type only when a name and "(" or "<" follow.
    if (word.equals("record")) {
      Optional<String> name = nextIdentifier(code, after);
      if (name.isEmpty()) {
        return false;
      }
      int at = code.indexOf(name.get(), after) + name.get().length();
      while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
        at++;
      }
      return at < code.length() && (code.charAt(at) == '(' || code.charAt(at) == '<');
    }
    return false;
  }

  private static Optional<String> nextIdentifier(String code, int from) {
    int i = from;
    while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
      i++;
    }
    int end = i;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    if (end == i || !Character.isJavaIdentifierStart(code.charAt(i))) {
      return Optional.empty();
    }
    return Optional.of(code.substring(i, end));
  }

  /** Replaces comments and literals by spaces, keeping every other character where it was. */
  static String blankOutCommentsAndLiterals(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
        blank(out, end - i);
        i = end;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        blank(out, end - i);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = i + 3;
        while (end < s.length() && !s.startsWith("\"\"\"", end)) {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(s.length(), end + 3);
        blank(out, end - i);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < s.length() && s.charAt(end) != c && s.charAt(end) != '\n') {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(s.length(), end + 1);
        blank(out, end - i);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void blank(StringBuilder out, int n) {
    out.append(" ".repeat(Math.max(0, n)));
  }
}
