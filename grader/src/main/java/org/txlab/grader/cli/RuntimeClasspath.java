package org.txlab.grader.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The grader's own classpath, with the jars a runnable jar's manifest names, for the sandbox. */
final class RuntimeClasspath {
  private RuntimeClasspath() {}

  static List<Path> current() throws IOException {
    Set<Path> all = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      if (!Files.exists(p)) {
        continue;
      }
      all.add(p);
      if (p.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(p.toFile())) {
          Manifest m = jar.getManifest();
          String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
          if (cp != null) {
            for (String rel : cp.trim().split("\\s+")) {
              // Relative names (a runnable jar's lib/) or file: URIs (surefire's booter jar).
              Path dep =
                  rel.startsWith("file:")
                      ? Path.of(URI.create(rel))
                      : p.getParent().resolve(rel).normalize();
              if (Files.exists(dep)) {
                all.add(dep);
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(all);
  }
}
