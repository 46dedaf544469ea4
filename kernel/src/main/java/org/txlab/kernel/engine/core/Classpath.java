package org.txlab.kernel.engine.core;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What cells compile against: the notebook helpers, the course library and SQLite's driver.
 *
 * <p>The kernel's own libraries (JeroMQ, Gson, ASM, …) stay off the compiler's classpath: cells do
 * not see them in completions, and javac has fewer jars to search, which shortens every
 * compilation.
 */
final class Classpath {

  private Classpath() {}

  static String forCells() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c :
        new Class<?>[] {
          org.txlab.kernel.engine.Notebook.class,
          org.txlab.course.Tables.class,
          org.sqlite.JDBC.class
        }) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        try {
          entries.add(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          // A class from an unusual location is still found at run time by the parent loader.
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
