package org.txlab.course;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Colours for kinds of spans, the same kind always the same colour: waiting is grey, errors and
 * crashes red, everything else from a palette that stays readable for colour-blind readers (Tableau
 * 10), in order of first use.
 */
final class Palette {
  private static final Color WAIT = new Color(0xbab0ac);
  private static final Color ERROR = new Color(0xe15759);
  private static final List<Color> COLORS =
      List.of(
          new Color(0x4e79a7),
          new Color(0xf28e2b),
          new Color(0x59a14f),
          new Color(0xb07aa1),
          new Color(0x76b7b2),
          new Color(0xedc948),
          new Color(0x9c755f),
          new Color(0xff9da7));

  private static final Map<String, Color> FIXED =
      Map.of(
          "begin", COLORS.get(0),
          "read", COLORS.get(1),
          "write", COLORS.get(2),
          "commit", COLORS.get(3),
          "rollback", COLORS.get(4),
          "other", COLORS.get(6));

  private final Map<String, Color> assigned = new LinkedHashMap<>();
  private int next;

  Color color(String kind) {
    return assigned.computeIfAbsent(kind, this::pick);
  }

  private Color pick(String kind) {
    String k = kind.toLowerCase(Locale.ROOT);
    if (k.startsWith("wait") || k.equals("idle")) {
      return WAIT;
    }
    if (k.startsWith("error")
        || k.startsWith("crash")
        || k.startsWith("kill")
        || k.equals("busy")) {
      return ERROR;
    }
    if (FIXED.containsKey(k)) {
      return FIXED.get(k);
    }
    // Other kinds take the palette's colours in turn, skipping those already in this picture.
    for (int i = 0; i < COLORS.size(); i++) {
      Color c = COLORS.get((next + i) % COLORS.size());
      if (!assigned.containsValue(c)) {
        next = (next + i + 1) % COLORS.size();
        return c;
      }
    }
    return COLORS.get(next++ % COLORS.size());
  }

  /** Black or white, whichever reads better on {@code background}. */
  static Color textOn(Color background) {
    double luminance =
        (0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue())
            / 255;
    return luminance > 0.6 ? Figure.INK : Color.WHITE;
  }
}
