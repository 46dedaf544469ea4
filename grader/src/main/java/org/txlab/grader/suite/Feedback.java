package org.txlab.grader.suite;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The hidden tests' student-facing messages and hints, from one resource bundle. */
public final class Feedback {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.txlab.grader.feedback", Locale.ROOT);

  private Feedback() {}

  /**
   * Formats the message under {@code key}.
   *
   * @param key a key of {@code feedback.properties}
   * @param args the pattern's arguments
   * @return the message
   */
  public static String get(String key, Object... args) {
    return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(args);
  }
}
