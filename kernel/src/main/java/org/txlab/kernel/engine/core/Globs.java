package org.txlab.kernel.engine.core;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves {@code %classpath} and {@code %jars} arguments: paths, directories and globs. */
final class Globs {

  private Globs() {}

  static List<Path> resolve(String args, boolean jarsOnly, String magic)
      throws Magics.MagicException {
    List<Path> found = new ArrayList<>();
    for (String arg : args.strip().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      List<Path> matches = match(arg, jarsOnly);
      if (matches.isEmpty()) {
        throw new Magics.MagicException(
            "CLASSPATH",
            "%"
                + magic
                + ": nothing matches '"
                + arg
                + "' (working directory "
                + Path.of("").toAbsolutePath()
                + ")");
      }
      found.addAll(matches);
    }
    if (found.isEmpty()) {
      throw new Magics.MagicException(
          "CLASSPATH", "%" + magic + " needs a path or glob, such as %" + magic + " lib/*.jar");
    }
    return found;
  }

  private static List<Path> match(String arg, boolean jarsOnly) throws Magics.MagicException {
    Path literal = Path.of(arg);
    if (!arg.contains("*") && !arg.contains("?") && !arg.contains("{")) {
      if (Files.isDirectory(literal) && jarsOnly) {
        return list(literal, "*.jar");
      }
      return Files.exists(literal) ? List.of(literal) : List.of();
    }
    Path dir = literal.getParent() == null ? Path.of("") : literal.getParent();
    if (dir.toString().contains("*")) {
      throw new Magics.MagicException(
          "CLASSPATH", "globs in directory names are not supported: '" + arg + "'");
    }
    List<Path> matches = list(dir, literal.getFileName().toString());
    if (jarsOnly) {
      matches.removeIf(p -> !p.toString().endsWith(".jar"));
    }
    return matches;
  }

  private static List<Path> list(Path dir, String glob) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> files = Files.list(dir.toString().isEmpty() ? Path.of(".") : dir)) {
      return new ArrayList<>(files.filter(p -> matcher.matches(p.getFileName())).sorted().toList());
    } catch (IOException e) {
      return new ArrayList<>();
    }
  }
}
