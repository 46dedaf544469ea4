package org.txlab.grader.suite;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;

/**
 * The hidden tests' student-facing messages and hints: the shared bundle {@code
 * org/txlab/grader/feedback.properties}, then each exercise's own {@code feedback.properties} in
 * its test package (where it has one), so that an exercise brings its messages with it.
 */
public final class Feedback {
  private static final List<ResourceBundle> BUNDLES = load();

  private Feedback() {}

  private static List<ResourceBundle> load() {
    List<ResourceBundle> bundles = new ArrayList<>();
    bundles.add(ResourceBundle.getBundle("org.txlab.grader.feedback", Locale.ROOT));
    for (Exercise e : Exercises.all()) {
      try {
        bundles.add(ResourceBundle.getBundle(e.testPackage() + ".feedback", Locale.ROOT));
      } catch (MissingResourceException none) {
        // This exercise uses the shared messages only.
      }
    }
    return List.copyOf(bundles);
  }

  /**
   * Formats the message under {@code key}.
   *
   * @param key a key of a feedback bundle
   * @param args the pattern's arguments
   * @return the message
   * @throws MissingResourceException if no bundle has the key
   */
  public static String get(String key, Object... args) {
    for (ResourceBundle b : BUNDLES) {
      if (b.containsKey(key)) {
        return new MessageFormat(b.getString(key), Locale.ROOT).format(args);
      }
    }
    throw new MissingResourceException("no feedback message '" + key + "'", "Feedback", key);
  }
}
