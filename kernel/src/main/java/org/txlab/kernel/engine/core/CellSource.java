package org.txlab.kernel.engine.core;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Splits Java source into JShell snippets, remembering where each starts in the cell. */
final class CellSource {

  /**
   * One snippet of a cell.
   *
   * @param source what JShell evaluates
   * @param offset character offset of the snippet in the cell
   * @param line 1-based cell line of the snippet's first non-blank character, where it starts and
   *     what line 1 of JShell's stack frames refers to
   */
  record Piece(String source, int offset, int line) {}

  private CellSource() {}

  /**
   * Splits {@code code}, which starts at {@code firstLine} of the cell, into snippets.
   *
   * @param analysis JShell's analysis
   * @param code Java source
   * @param baseOffset offset of {@code code} in the cell
   * @param cell the whole cell, for line numbers
   */
  static List<Piece> split(SourceCodeAnalysis analysis, String code, int baseOffset, String cell) {
    List<Piece> pieces = new ArrayList<>();
    String remaining = code;
    int consumed = 0;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) {
        break;
      }
      boolean complete = c.isComplete();
      String source = complete ? info.source() : remaining;
      String rest = complete ? info.remaining() : "";
      // JShell numbers stack frame lines wrongly when a snippet starts with blank lines, so
      // snippets start at their first non-blank character.
      int offset = baseOffset + consumed + startOf(remaining, source);
      String trimmed = source.stripLeading();
      int line = lineAt(cell, offset);
      pieces.add(new Piece(trimmed, offset, line));
      consumed += remaining.length() - rest.length();
      remaining = rest;
    }
    return pieces;
  }

  /**
   * Where the first non-blank character of {@code source} is in {@code text}; JShell may have
   * trimmed the source or added a ';'.
   */
  private static int startOf(String text, String source) {
    String exact = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
    if (text.startsWith(exact)) {
      return source.length() - source.stripLeading().length();
    }
    String probe = source.strip();
    if (probe.endsWith(";")) {
      probe = probe.substring(0, probe.length() - 1);
    }
    int newline = probe.indexOf('\n');
    if (newline > 0) {
      probe = probe.substring(0, newline);
    }
    int at = probe.isEmpty() ? -1 : text.indexOf(probe);
    if (at >= 0) {
      return at;
    }
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static int lineAt(String cell, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < cell.length(); i++) {
      if (cell.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
