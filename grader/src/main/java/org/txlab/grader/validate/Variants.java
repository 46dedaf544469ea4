package org.txlab.grader.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.sources.Starter;

/**
 * An exercise's variants, made into graded-ready source folders: the reference, the starter
 * generated from it, the honest solutions in other styles ({@code honest/<name>/…}, or {@code
 * honest/<name>.variant} for a small edit of another, without an expect-loss line), and the buggy
 * ones ({@code buggy/<name>.variant}: small edits of the reference or of an honest solution, or
 * {@code buggy/<name>/…}: whole sources when the bug needs another shape).
 *
 * <p>A {@code .variant} file starts with comment lines: {@code // <what it is>}, {@code //
 * expect-loss: <category> …}, optionally {@code // base: honest/<name>}; then edits, each {@code @@
 * replace}, the exact lines to find (once), {@code @@ with}, the lines instead, {@code @@ end}. A
 * whole-source variant puts the same header lines at the top of one of its files.
 */
public final class Variants {
  private static final String EXPECT = "// expect-loss:";
  private static final String BASE = "// base:";

  private Variants() {}

  /**
   * Loads every variant of an exercise.
   *
   * @param exercise the exercise
   * @param repo the repository's root
   * @param work where to write their sources
   * @return the reference, the starter, then honest and buggy variants by name
   * @throws IOException if a variant is malformed or a file cannot be read or written
   */
  public static List<Variant> load(Exercise exercise, Path repo, Path work) throws IOException {
    // The reference's files by name: the main one first, then its companions (a second class).
    Map<String, String> reference = new LinkedHashMap<>();
    for (String file : references(exercise)) {
      Path p = repo.resolve(file);
      reference.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
    }
    Map<String, String> starter = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : reference.entrySet()) {
      starter.put(f.getKey(), Starter.strip(f.getValue(), f.getKey()));
    }
    Path fixtures = repo.resolve(exercise.variants());
    List<Variant> all = new ArrayList<>();
    all.add(
        write(
            work,
            "reference",
            "the reference solution",
            Variant.Kind.REFERENCE,
            Set.of(),
            reference));
    all.add(
        write(work, "starter", "the generated starter", Variant.Kind.STARTER, Set.of(), starter));
    for (Path dir : children(fixtures.resolve("honest"))) {
      String name = dir.getFileName().toString();
      if (Files.isDirectory(dir)) {
        Path target = copy(dir, work.resolve("honest-" + name), reference);
        all.add(
            new Variant(
                "honest/" + name, description(target), target, Variant.Kind.HONEST, Set.of()));
      } else if (name.endsWith(".variant")) {
        String stem = name.substring(0, name.length() - ".variant".length());
        List<String> lines = Files.readAllLines(dir, StandardCharsets.UTF_8);
        if (lines.stream().anyMatch(l -> l.startsWith(EXPECT))) {
          throw new IOException(name + ": an honest variant loses nothing; drop its '" + EXPECT);
        }
        Path target = edited(fixtures, reference, lines, name, work, "honest-" + stem);
        all.add(
            new Variant(
                "honest/" + stem, firstComment(lines), target, Variant.Kind.HONEST, Set.of()));
      }
    }
    for (Path p : children(fixtures.resolve("buggy"))) {
      String name = p.getFileName().toString();
      if (Files.isDirectory(p)) {
        Path target = copy(p, work.resolve("buggy-" + name), reference);
        all.add(
            new Variant(
                "buggy/" + name,
                description(target),
                target,
                Variant.Kind.BUGGY,
                expected(exercise, target, name)));
      } else if (name.endsWith(".variant")) {
        String stem = name.substring(0, name.length() - ".variant".length());
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        Path target = edited(fixtures, reference, lines, name, work, "buggy-" + stem);
        all.add(
            new Variant(
                "buggy/" + stem,
                firstComment(lines),
                target,
                Variant.Kind.BUGGY,
                expected(exercise, lines, name)));
      }
    }
    return all;
  }

  /** The reference's files: the main one, then its companions. */
  private static List<String> references(Exercise exercise) {
    List<String> files = new ArrayList<>();
    files.add(exercise.reference());
    files.addAll(exercise.companions());
    return files;
  }

  /**
   * Writes a {@code .variant}'s sources: its edits applied to the reference's files or to its
   * base's (each edit to the one file whose lines it matches).
   */
  private static Path edited(
      Path fixtures,
      Map<String, String> reference,
      List<String> lines,
      String name,
      Path work,
      String dirName)
      throws IOException {
    Map<String, String> base = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : reference.entrySet()) {
      base.put(f.getKey(), withoutMarkers(f.getValue()));
    }
    for (String line : header(lines)) {
      if (line.startsWith(BASE)) {
        Path honest = fixtures.resolve(line.substring(BASE.length()).trim());
        for (Path file : javaFiles(honest, name, reference.size())) {
          base.put(
              file.getFileName().toString(),
              withoutMarkers(Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    }
    if (base.size() == 1) {
      Map.Entry<String, String> only = base.entrySet().iterator().next();
      base.put(only.getKey(), apply(only.getValue(), lines, name));
    } else {
      applyAcross(base, lines, name);
    }
    Path dir = Files.createDirectories(work.resolve(dirName));
    for (Map.Entry<String, String> f : base.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  /** Applies each edit to the one file of several whose lines it matches exactly once. */
  private static void applyAcross(Map<String, String> files, List<String> lines, String name)
      throws IOException {
    int i = 0;
    int edits = 0;
    while (i < lines.size()) {
      if (!lines.get(i).equals("@@ replace")) {
        i++;
        continue;
      }
      int start = i;
      while (i < lines.size() && !lines.get(i).equals("@@ end")) {
        i++;
      }
      if (i >= lines.size()) {
        throw new IOException(name + ": an edit is not closed with '@@ end'");
      }
      List<String> edit = lines.subList(start, ++i);
      String find = String.join("\n", edit.subList(1, edit.indexOf("@@ with"))) + "\n";
      String target = null;
      for (Map.Entry<String, String> f : files.entrySet()) {
        if (f.getValue().contains(find)) {
          if (target != null) {
            throw new IOException(
                name + ": the lines to replace must occur exactly once in the base:\n" + find);
          }
          target = f.getKey();
        }
      }
      if (target == null) {
        throw new IOException(
            name + ": the lines to replace must occur exactly once in the base:\n" + find);
      }
      files.put(target, apply(files.get(target), edit, name));
      edits++;
    }
    if (edits == 0) {
      throw new IOException(name + ": a .variant needs at least one '@@ replace' edit");
    }
  }

  /** Applies a variant's edits to a source. */
  static String apply(String source, List<String> lines, String name) throws IOException {
    String out = source;
    int i = 0;
    int edits = 0;
    while (i < lines.size()) {
      if (!lines.get(i).equals("@@ replace")) {
        i++;
        continue;
      }
      StringBuilder find = new StringBuilder();
      StringBuilder with = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).equals("@@ with")) {
        find.append(lines.get(i++)).append('\n');
      }
      i++;
      while (i < lines.size() && !lines.get(i).equals("@@ end")) {
        with.append(lines.get(i++)).append('\n');
      }
      if (i >= lines.size()) {
        throw new IOException(name + ": an edit is not closed with '@@ end'");
      }
      i++;
      int at = out.indexOf(find.toString());
      if (at < 0 || out.indexOf(find.toString(), at + 1) >= 0) {
        throw new IOException(
            name + ": the lines to replace must occur exactly once in the base:\n" + find);
      }
      out = out.substring(0, at) + with + out.substring(at + find.length());
      edits++;
    }
    if (edits == 0) {
      throw new IOException(name + ": a .variant needs at least one '@@ replace' edit");
    }
    return out;
  }

  private static String withoutMarkers(String source) {
    StringBuilder out = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      String t = line.strip();
      if (!t.startsWith("// BEGIN SOLUTION") && !t.equals("// END SOLUTION")) {
        out.append(line).append('\n');
      }
    }
    return out.substring(0, out.length() - 1);
  }

  private static List<String> header(List<String> lines) {
    List<String> header = new ArrayList<>();
    for (String l : lines) {
      if (!l.startsWith("//")) {
        break;
      }
      header.add(l);
    }
    return header;
  }

  private static String firstComment(List<String> lines) {
    return lines.isEmpty() ? "" : lines.get(0).replaceFirst("^//\\s*", "");
  }

  private static Set<String> expected(Exercise exercise, List<String> lines, String name)
      throws IOException {
    Set<String> categories = new LinkedHashSet<>();
    List<String> known = exercise.categories().stream().map(Exercise.Category::name).toList();
    for (String line : lines) {
      if (line.startsWith(EXPECT)) {
        for (String word : line.substring(EXPECT.length()).trim().split("\\s+")) {
          String c = word.toLowerCase(Locale.ROOT);
          if (!known.contains(c)) {
            throw new IOException(
                name + ": unknown category '" + word + "'; the categories are " + known);
          }
          categories.add(c);
        }
      }
    }
    if (categories.isEmpty()) {
      throw new IOException(name + " has no '" + EXPECT + " <category> ...' line");
    }
    return categories;
  }

  private static Set<String> expected(Exercise exercise, Path dir, String name) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    return expected(exercise, lines, name);
  }

  private static String description(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("//")) {
          return firstComment(lines);
        }
      }
    }
    return "";
  }

  private static List<Path> javaFiles(Path dir, String name, int most) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> java = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      if (java.isEmpty() || java.size() > most) {
        throw new IOException(
            name + ": its base " + dir + " must hold one .java file per class of the reference");
      }
      return java;
    }
  }

  private static Variant write(
      Path work,
      String dirName,
      String description,
      Variant.Kind kind,
      Set<String> losses,
      Map<String, String> files)
      throws IOException {
    Path dir = Files.createDirectories(work.resolve(dirName));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return new Variant(dirName, description, dir, kind, losses);
  }

  /**
   * Copies a folder variant; a class of the reference it does not have (the exercise's other class,
   * unchanged) is the reference's, without its markers.
   */
  private static Path copy(Path from, Path to, Map<String, String> reference) throws IOException {
    List<String> present = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
          present.add(p.getFileName().toString());
        }
      }
    }
    if (reference.size() > 1) {
      for (Map.Entry<String, String> f : reference.entrySet()) {
        if (!present.contains(f.getKey())) {
          Files.writeString(
              to.resolve(f.getKey()), withoutMarkers(f.getValue()), StandardCharsets.UTF_8);
        }
      }
    }
    return to;
  }

  private static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }
}
