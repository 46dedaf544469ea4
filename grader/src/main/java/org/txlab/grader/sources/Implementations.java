package org.txlab.grader.sources;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.OrderService;

/** Finds the class under test among compiled student classes. */
public final class Implementations {
  private Implementations() {}

  private static int snippet(String cellClass) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\$JShell\\$(\\d+)").matcher(cellClass);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** A class declared in a notebook cell: JShell nests it, static, in a snippet wrapper. */
  private static boolean isCellClass(Class<?> type) {
    return Modifier.isStatic(type.getModifiers()) && type.getName().startsWith("REPL.$JShell$");
  }

  /**
   * Finds the one concrete top-level {@link OrderService} with a constructor taking a {@link
   * ConnectionSource}; a class named {@code PlaceOrder} wins if there are several.
   *
   * @param classesDir compiled student classes
   * @return the class's fully qualified name
   * @throws NoImplementationException if there is none, or several and none named PlaceOrder
   * @throws IOException if the directory cannot be read
   */
  public static String findOrderService(Path classesDir)
      throws NoImplementationException, IOException {
    List<String> names;
    try (Stream<Path> files = Files.walk(classesDir)) {
      names =
          files
              .filter(p -> p.toString().endsWith(".class"))
              .map(p -> classesDir.relativize(p).toString())
              .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .toList();
    }
    List<String> found = new ArrayList<>();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classesDir.toUri().toURL()}, OrderService.class.getClassLoader())) {
      for (String name : names) {
        try {
          // Not initialised: looking must not run student code.
          Class<?> type = Class.forName(name, false, loader);
          if (OrderService.class.isAssignableFrom(type)
              && !type.isInterface()
              && !Modifier.isAbstract(type.getModifiers())
              && (!type.isMemberClass() || isCellClass(type))
              && !type.isLocalClass()
              && !type.isAnonymousClass()) {
            type.getDeclaredConstructor(ConnectionSource.class);
            found.add(name);
          }
        } catch (ReflectiveOperationException | LinkageError e) {
          // Not a candidate.
        }
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (!found.isEmpty() && found.stream().allMatch(n -> n.startsWith("REPL.$JShell$"))) {
      // A notebook that declares the class in several cells: as in the kernel, the last wins.
      return found.stream().max(java.util.Comparator.comparingInt(Implementations::snippet)).get();
    }
    List<String> named =
        found.stream()
            .filter(
                n ->
                    n.endsWith(".PlaceOrder")
                        || n.endsWith("$PlaceOrder")
                        || n.equals("PlaceOrder"))
            .toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    throw new NoImplementationException(
        found.isEmpty()
            ? "no class implements org.txlab.placeorder.OrderService with a constructor taking a"
                + " ConnectionSource; expected e.g. 'public class PlaceOrder"
                + " implements OrderService { public PlaceOrder(ConnectionSource db) ... }'"
            : "several classes implement OrderService: "
                + found
                + "; keep one, or name it PlaceOrder");
  }
}
