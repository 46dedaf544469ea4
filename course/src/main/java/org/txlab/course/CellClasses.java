package org.txlab.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a notebook kernel knows about the classes its cells declared: their class files, so that a
 * child JVM can run exactly them, and whether the latest run of the cell that declares one compiled
 * it. The class loader of the TxLab kernel's cell classes implements it; a class loaded from a jar
 * or a class folder has none. The self-checks use it to test, and to name, the class a student's
 * exercise cell defines now:
 *
 * <pre>{@code
 * if (type.getClassLoader() instanceof CellClasses cells) {
 *   cells.notCurrent(type).ifPresent(why -> System.out.println("stale: " + why));
 * }
 * }</pre>
 */
public interface CellClasses {

  /**
   * Returns the class file of every class the cells declared so far, as the JVM loaded them.
   *
   * @return binary name to class file; a copy
   */
  Map<String, byte[]> classFiles();

  /**
   * Returns what a JVM needs on its classpath, besides the course library and sqlite-jdbc, to load
   * the {@linkplain #classFiles() class files}: the kernel's checks woven into them, and what the
   * cells added to the classpath.
   *
   * @return jars and class folders
   */
  List<Path> runtime();

  /**
   * Tells why a cell class does not stand for its cell now: the latest run of the cell that
   * declares it did not compile it, or stopped before reaching it. (JShell then keeps the class of
   * an earlier run, so the name still works.)
   *
   * @param type a class declared by a cell, or a class nested in one
   * @return what went wrong, e.g. {@code line 12: ';' expected}; empty when the class is what its
   *     cell declared the last time it ran
   */
  Optional<String> notCurrent(Class<?> type);
}
