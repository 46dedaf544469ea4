package org.txlab.grader.report;

/** HTML escaping and the page frame shared by the HTML reports. */
final class Html {
  private Html() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        + "padding:0 1rem;line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid"
        + " #ccc;padding:.25rem .5rem;text-align:left}.pass{color:#17692e}.fail{color:#b3261e}"
        + "pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}</style></head><body>\n"
        + body
        + "\n</body></html>\n";
  }
}
