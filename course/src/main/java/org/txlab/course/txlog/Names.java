package org.txlab.course.txlog;

import java.util.regex.Pattern;

/** The file names a {@link org.txlab.txlog.Disk} accepts: plain names, never a path. */
final class Names {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Names() {}

  static void check(String name) {
    if (name == null || !PLAIN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "file name '"
              + name
              + "' is not a plain name: use letters, digits, '.', '_' or '-' (at most 64)");
    }
  }
}
