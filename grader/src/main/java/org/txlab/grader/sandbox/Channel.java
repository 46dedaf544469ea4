package org.txlab.grader.sandbox;

/**
 * The child's result channel: lines on its fd 1, each starting with the run's nonce.
 *
 * <p>{@code <nonce> START <uniqueId>}, {@code <nonce> END <PASS|FAIL> <millis> <uniqueId>
 * <message>} (tab-separated after the millis, message escaped), {@code <nonce> DONE}. Student
 * code's {@code System.out} is sent to fd 2, so a line without the nonce is never a result.
 */
final class Channel {
  static final String START = "START";
  static final String END = "END";
  static final String DONE = "DONE";

  private Channel() {}

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "");
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
