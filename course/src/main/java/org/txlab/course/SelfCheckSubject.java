package org.txlab.course;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The class a self-check tests: its name as the student wrote it, a fingerprint of its class file,
 * whether it is the current class of its notebook cell, and the classpath a child JVM needs to run
 * it.
 *
 * @param type the class
 * @param name its name for the student: the simple name of a cell class, else the binary name
 * @param fingerprint the first 8 hex digits of the SHA-256 of its class file; {@code "?"} if its
 *     class file cannot be read
 * @param inCell whether a notebook cell declared it
 * @param stale why it is not what its cell declares now; empty if it is
 */
record SelfCheckSubject(
    Class<?> type, String name, String fingerprint, boolean inCell, Optional<String> stale) {

  /** Describes the class a service object belongs to. */
  static SelfCheckSubject of(Class<?> type) {
    if (type.getClassLoader() instanceof CellClasses cells) {
      byte[] file = cells.classFiles().get(type.getName());
      return new SelfCheckSubject(
          type, type.getSimpleName(), fingerprint(file), true, cells.notCurrent(type));
    }
    return new SelfCheckSubject(
        type, type.getName(), fingerprint(classFile(type)), false, Optional.empty());
  }

  private static byte[] classFile(Class<?> type) {
    ClassLoader loader =
        type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  private static String fingerprint(byte[] file) {
    if (file == null) {
      return "?";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(file);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Returns the classpath entries a child JVM needs to load the class, beyond the course library
   * and sqlite-jdbc: for a cell class, every cell class written under {@code dir} plus the kernel's
   * runtime; else the class's own jar or folder.
   *
   * @param dir a scratch folder to write cell classes to
   * @return the entries
   */
  List<Path> classpath(Path dir) {
    return ChildJvm.classpathOf(type, dir);
  }
}
