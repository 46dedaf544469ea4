package org.txlab.kernel.engine.core;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.txlab.course.CellClasses;
import org.txlab.course.process.JvmCommand;

/**
 * Loads the classes JShell compiles from cells, and jars added at run time; tells the course
 * library's self-checks what it knows about them ({@link CellClasses}).
 */
final class CellClassLoader extends URLClassLoader implements CellClasses {
  /** JShell's wrapper of one snippet, e.g. {@code REPL.$JShell$22}. */
  private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?");

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> declared = new ConcurrentHashMap<>();
  private final CellAttempts attempts = new CellAttempts();

  CellClassLoader(ClassLoader parent) {
    super("txlab-cells", new URL[0], parent);
  }

  /** Returns the class files cells declared, by binary name, as loaded (checks woven in). */
  Map<String, byte[]> declaredClasses() {
    return Map.copyOf(declared);
  }

  /** Returns how the latest attempt to declare each type went; the engine keeps it. */
  CellAttempts attempts() {
    return attempts;
  }

  @Override
  public Map<String, byte[]> classFiles() {
    return declaredClasses();
  }

  @Override
  public List<Path> runtime() {
    List<Path> entries = new ArrayList<>();
    // Cell classes call the stop and exit checks woven into them (Stops, in this module).
    entries.add(JvmCommand.codeSource(Stops.class));
    for (URL url : getURLs()) {
      try {
        entries.add(Path.of(url.toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a file: a child JVM could not use it anyway.
      }
    }
    return entries;
  }

  @Override
  public Optional<String> notCurrent(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null
        && !WRAPPER.matcher(top.getEnclosingClass().getName()).matches()) {
      top = top.getEnclosingClass();
    }
    if (top.getEnclosingClass() == null || top.getClassLoader() != this) {
      return Optional.empty();
    }
    return attempts.problem(top.getSimpleName());
  }

  void declare(String name, byte[] classFile) {
    declared.put(name, classFile);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] classFile = declared.get(name);
    if (classFile != null) {
      return defineClass(name, classFile, 0, classFile.length);
    }
    return super.findClass(name);
  }

  @Override
  public void addURL(URL url) {
    super.addURL(url);
  }
}
