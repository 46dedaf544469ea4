package org.txlab.grader.report;

import java.util.List;

/** RFC 4180 CSV lines. */
final class Csv {
  private Csv() {}

  static String line(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i) == null ? "" : cells.get(i);
      if (i > 0) {
        out.append(',');
      }
      // A leading = + - @ would be a formula in a spreadsheet: quote it with a leading apostrophe.
      if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?")) {
        c = "'" + c;
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    return out.append("\r\n").toString();
  }
}
