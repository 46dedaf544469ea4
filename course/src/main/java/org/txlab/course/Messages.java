package org.txlab.course;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The student-facing messages of the course library, from one resource bundle. */
public final class Messages {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.txlab.course.messages", Locale.ROOT);

  private Messages() {}

  /**
   * Formats the message under {@code key}.
   *
   * @param key a key of {@code messages.properties}; never {@code null}
   * @param args the pattern's arguments
   * @return the formatted message
   */
  public static String get(String key, Object... args) {
    return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(args);
  }
}
