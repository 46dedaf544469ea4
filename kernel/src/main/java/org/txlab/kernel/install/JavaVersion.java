package org.txlab.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The feature version of a {@code java} executable, read from its JDK's {@code release} file. */
final class JavaVersion {

  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(1\\.)?(\\d+)");

  private JavaVersion() {}

  /** Returns e.g. 17 or 25; 17 (the oldest supported) if the release file cannot be read. */
  static int feature(Path java) {
    Path home = java.toAbsolutePath().getParent().getParent();
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
      if (m.find()) {
        return Integer.parseInt(m.group(2));
      }
    } catch (IOException | RuntimeException e) {
      // Fall through: assume the oldest JDK the kernel supports.
    }
    return 17;
  }
}
