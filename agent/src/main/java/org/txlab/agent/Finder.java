package org.txlab.agent;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the class that implements an exercise among the student's classes, running none of it. */
final class Finder {
  private static final Pattern SNIPPET = Pattern.compile("\\$JShell\\$(\\d+)");
  private static final String CELL_PREFIX = "REPL.$JShell$";

  private Finder() {}

  /**
   * Finds one concrete class implementing {@code api} with a constructor taking {@code params}: the
   * only one; of several declared in notebook cells, the last (as in the kernel); else the one with
   * the preferred simple name.
   *
   * @return the class's binary name
   * @throws IllegalStateException with a student-facing message if there is none or no choice
   */
  static String find(
      List<Path> dirs, String api, String preferred, List<String> params, ClassLoader parent)
      throws IOException, ClassNotFoundException {
    List<String> names = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted().toList()) {
          if (p.toString().endsWith(".class")
              && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            String rel = dir.relativize(p).toString();
            names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
          }
        }
      }
    }
    URL[] urls = new URL[dirs.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = dirs.get(i).toUri().toURL();
    }
    List<String> found = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(urls, parent)) {
      Class<?> apiType = Class.forName(api, false, loader);
      Class<?>[] paramTypes = new Class<?>[params.size()];
      for (int i = 0; i < paramTypes.length; i++) {
        paramTypes[i] = Class.forName(params.get(i), false, loader);
      }
      for (String name : names) {
        try {
          // Not initialised: looking must not run student code.
          Class<?> type = Class.forName(name, false, loader);
          if (apiType.isAssignableFrom(type)
              && !type.isInterface()
              && !Modifier.isAbstract(type.getModifiers())
              && (!type.isMemberClass() || isCellClass(type))
              && !type.isLocalClass()
              && !type.isAnonymousClass()) {
            type.getDeclaredConstructor(paramTypes);
            found.add(name);
          }
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
          // Not a candidate (or a class the JVM refuses, e.g. in a java.* package).
        }
      }
    }
    String simple = api.substring(api.lastIndexOf('.') + 1);
    if (found.size() == 1) {
      return found.get(0);
    }
    if (!found.isEmpty() && found.stream().allMatch(n -> n.startsWith(CELL_PREFIX))) {
      return found.stream().max(Comparator.comparingInt(Finder::snippet)).orElseThrow();
    }
    List<String> named =
        found.stream()
            .filter(
                n ->
                    n.endsWith("." + preferred)
                        || n.endsWith("$" + preferred)
                        || n.equals(preferred))
            .toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    throw new IllegalStateException(
        found.isEmpty()
            ? "no class implements "
                + api
                + " with a constructor taking "
                + String.join(
                    ", ", params.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList())
                + "; expected e.g. 'public class "
                + preferred
                + " implements "
                + simple
                + " { public "
                + preferred
                + "(...) ... }'"
            : "several classes implement "
                + simple
                + ": "
                + found
                + "; keep one, or name it "
                + preferred);
  }

  private static boolean isCellClass(Class<?> type) {
    return Modifier.isStatic(type.getModifiers()) && type.getName().startsWith(CELL_PREFIX);
  }

  private static int snippet(String cellClass) {
    Matcher m = SNIPPET.matcher(cellClass);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
