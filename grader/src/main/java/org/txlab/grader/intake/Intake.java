package org.txlab.grader.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Collects a class's submissions into {@code work/<student>/files}, one per student.
 *
 * <p>Accepted: a folder of submissions, each a folder, a {@code .zip}, a {@code .ipynb} or a {@code
 * .java} file named after the student; or one LMS bulk-download zip whose files are named
 * Canvas-style, {@code <student>_<ids>_<original name>}. Symbolic links are never followed.
 */
public final class Intake {
  private static final Pattern CANVAS =
      Pattern.compile("^([a-z0-9-]+?)(?:_late)?_\\d+_\\d+_(.+)$", Pattern.CASE_INSENSITIVE);
  private static final long MAX_FILE_BYTES = 5L << 20;

  private Intake() {}

  /**
   * Collects the submissions.
   *
   * @param input a folder of submissions or one bulk-download zip
   * @param work where each student's files go; created
   * @return the submissions, by student id; those with a problem are listed too
   * @throws IOException if the input cannot be listed
   */
  public static List<StudentSubmission> collect(Path input, Path work) throws IOException {
    Files.createDirectories(work);
    if (Files.isRegularFile(input) && input.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return bulk(input, work);
    }
    if (!Files.isDirectory(input)) {
      throw new IOException(
          "'" + input + "' is neither a folder of submissions nor a bulk-download .zip");
    }
    List<StudentSubmission> all = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> list = Files.list(input)) {
      entries = list.sorted().toList();
    }
    Map<String, List<Path>> byStudent = new TreeMap<>();
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (!name.startsWith(".")) {
        byStudent.computeIfAbsent(studentId(name), k -> new ArrayList<>()).add(entry);
      }
    }
    for (Map.Entry<String, List<Path>> e : byStudent.entrySet()) {
      String student = e.getKey();
      if (e.getValue().size() > 1) {
        List<String> names = e.getValue().stream().map(p -> "'" + p.getFileName() + "'").toList();
        all.add(
            new StudentSubmission(
                student,
                String.join(" and ", names),
                List.of(),
                "[DUPLICATE] "
                    + String.join(" and ", names)
                    + " are both named after student '"
                    + student
                    + "'; keep one of them in the submissions folder and grade again"));
        continue;
      }
      all.add(safely(student, e.getValue().get(0), work.resolve(student).resolve("files")));
    }
    return all;
  }

  /**
   * Collects one student's hand-in, e.g. Gradescope's submission folder.
   *
   * @param student the student's id
   * @param handIn a folder, {@code .zip}, {@code .ipynb} or {@code .java} file
   * @param work where the student's files go
   * @return the submission; one with a problem if it cannot be graded
   * @throws IOException if the files cannot be copied
   */
  public static StudentSubmission single(String student, Path handIn, Path work)
      throws IOException {
    return safely(student, handIn, work.resolve(student).resolve("files"));
  }

  /**
   * Takes in one hand-in; whatever goes wrong becomes that student's problem, never the batch's.
   */
  private static StudentSubmission safely(String student, Path entry, Path dir) {
    String name = entry.getFileName().toString();
    try {
      return one(student, entry, dir);
    } catch (IOException | RuntimeException e) {
      try {
        clean(dir);
      } catch (IOException ignored) {
        // What is left is under the work directory, which the next run cleans.
      }
      return new StudentSubmission(
          student,
          name,
          List.of(),
          "[BAD_INPUT] '" + name + "' could not be taken in (" + e + "); hand it in again");
    }
  }

  private static StudentSubmission one(String student, Path entry, Path dir) throws IOException {
    String name = entry.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    clean(dir);
    Files.createDirectories(dir);
    try {
      if (Files.isSymbolicLink(entry)) {
        throw new BadSubmissionException(
            "[SYMLINK] '" + name + "' is a symbolic link; not followed");
      } else if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
        throw new BadSubmissionException(
            "[NOT_A_FILE] '" + name + "' is neither a regular file nor a folder; not opened");
      } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        copyTree(entry, dir);
      } else if (lower.endsWith(".zip")) {
        SafeZip.extract(entry, dir);
      } else if (lower.endsWith(".ipynb") || lower.endsWith(".java")) {
        copyFile(entry, dir.resolve(lower.endsWith(".java") ? javaFileName(entry) : name));
      } else {
        throw new BadSubmissionException(
            "[UNKNOWN_FORMAT] '"
                + name
                + "' is not a folder, .zip, .ipynb or .java file; hand in one of those");
      }
    } catch (BadSubmissionException e) {
      clean(dir);
      Files.createDirectories(dir);
      return new StudentSubmission(student, name, List.of(), e.getMessage());
    }
    List<Path> files = files(dir);
    String problem =
        files.isEmpty()
            ? "[EMPTY] '" + name + "' holds no .java or .ipynb file; nothing to grade"
            : null;
    return new StudentSubmission(student, name, files, problem);
  }

  private static List<StudentSubmission> bulk(Path zip, Path work) throws IOException {
    Path raw = work.resolve(".bulk");
    clean(raw);
    Files.createDirectories(raw);
    try {
      SafeZip.extract(zip, raw);
    } catch (BadSubmissionException e) {
      throw new IOException(e.getMessage(), e);
    }
    Map<String, List<Path>> byStudent = new TreeMap<>();
    List<Path> everything;
    try (Stream<Path> walk = Files.walk(raw)) {
      everything =
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path f : everything) {
      Matcher m = CANVAS.matcher(f.getFileName().toString());
      String student = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "unmatched";
      byStudent.computeIfAbsent(student, k -> new ArrayList<>()).add(f);
    }
    List<StudentSubmission> all = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : byStudent.entrySet()) {
      Path dir = work.resolve(e.getKey()).resolve("files");
      clean(dir);
      Files.createDirectories(dir);
      List<String> problems = new ArrayList<>();
      for (Path f : e.getValue()) {
        Matcher m = CANVAS.matcher(f.getFileName().toString());
        String original = m.matches() ? m.group(2) : f.getFileName().toString();
        Path target = dir.resolve(sanitize(original));
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
          try {
            SafeZip.extract(f, dir);
          } catch (BadSubmissionException ex) {
            problems.add(ex.getMessage());
          }
        } else if (lower.endsWith(".java") || lower.endsWith(".ipynb")) {
          Files.copy(f, target);
        }
      }
      List<Path> files = files(dir);
      String problem =
          !problems.isEmpty()
              ? String.join("; ", problems)
              : files.isEmpty()
                  ? "[EMPTY] no .java, .ipynb or .zip file of this student in the bulk download"
                  : null;
      all.add(new StudentSubmission(e.getKey(), zip.getFileName().toString(), files, problem));
    }
    return all;
  }

  /** Names a loose .java file after its public class, so that javac accepts it. */
  private static String javaFileName(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      return sanitize(file.getFileName().toString());
    }
    String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*class\\s+(\\w+)").matcher(text);
    return m.find() ? m.group(1) + ".java" : sanitize(file.getFileName().toString());
  }

  static String studentId(String fileName) {
    String base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
    Matcher m = CANVAS.matcher(fileName);
    if (m.matches()) {
      base = m.group(1);
    }
    String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    return id.isEmpty() || id.startsWith(".") ? "student" + Math.abs(fileName.hashCode()) : id;
  }

  private static String sanitize(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s : s;
  }

  private static void copyTree(Path from, Path to) throws IOException, BadSubmissionException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          // Links, FIFOs and devices are never opened: a FIFO would block the grader.
          copyFile(p, target);
        }
      }
    }
  }

  private static void copyFile(Path from, Path to) throws IOException, BadSubmissionException {
    if (Files.size(from) > MAX_FILE_BYTES) {
      throw new BadSubmissionException(
          "[TOO_BIG] '" + from.getFileName() + "' is over " + (MAX_FILE_BYTES >> 20) + " MB");
    }
    Files.createDirectories(to.getParent());
    Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".java") || n.endsWith(".ipynb"))
                    && !p.toString().contains("__MACOSX");
              })
          .sorted()
          .toList();
    }
  }

  /**
   * Deletes a directory tree, if it exists; symbolic links are deleted, never followed.
   *
   * @param dir the tree's root
   * @throws IOException if a file cannot be deleted
   */
  public static void clean(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
