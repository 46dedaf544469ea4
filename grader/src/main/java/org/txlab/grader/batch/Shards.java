package org.txlab.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.txlab.grader.judge.Hashes;

/**
 * A class graded in parts on several machines (a CI matrix, a Kubernetes Indexed Job): which
 * student belongs to which shard, what a shard leaves behind ({@value #FILE}), and how the parts
 * become one class again.
 *
 * <p>A student's shard depends only on the student's id and the number of shards, never on who else
 * handed in: adding a late hand-in moves nobody else, and every machine agrees without talking to
 * the others.
 */
public final class Shards {
  /** The file a shard writes into its output folder. */
  public static final String FILE = "shard.json";

  private static final Pattern SPEC = Pattern.compile("(\\d{1,4})/(\\d{1,4})");
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private Shards() {}

  /**
   * One shard of a class: {@code index} of {@code count}, counted from 1.
   *
   * @param index this shard
   * @param count how many shards the class is split into
   */
  public record Shard(int index, int count) {

    /**
     * Reads {@code i/N}.
     *
     * @param spec e.g. {@code 2/3}
     * @return the shard
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Shard parse(String spec) {
      Matcher m = SPEC.matcher(spec.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--shard takes i/N, e.g. 2/3 for the second of three shards; was '" + spec + "'");
      }
      int i = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if (n < 1 || i < 1 || i > n) {
        throw new IllegalArgumentException(
            "--shard " + spec + ": i must be between 1 and N, and N at least 1");
      }
      return new Shard(i, n);
    }

    /** Tells whether a student belongs to this shard. */
    public boolean holds(String student) {
      return of(student, count) == index;
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }

  /**
   * Returns the shard (from 1) a student belongs to.
   *
   * @param student the student's id
   * @param count how many shards
   * @return its shard
   */
  public static int of(String student, int count) {
    String hex =
        Hashes.sha256(student.getBytes(StandardCharsets.UTF_8)).substring(0, 15); // 60 bits
    return (int) (Long.parseLong(hex, 16) % count) + 1;
  }

  /**
   * What one shard graded.
   *
   * @param shard which shard, e.g. {@code 2/3}
   * @param grading the grading's key: hidden tests, sandbox settings, grader version
   * @param exercises the exercises graded, in report order
   * @param plans each exercise's planned tests, as the reports show them
   * @param quizMax the quiz's graded questions
   * @param results every student of the shard, by id
   */
  public record Part(
      String shard,
      String grading,
      List<String> exercises,
      Map<String, List<org.txlab.grader.suite.PlannedTest>> plans,
      int quizMax,
      List<StudentResult> results) {}

  /**
   * Writes a shard's part into its output folder, whole or not at all.
   *
   * @param out the shard's output folder
   * @param part what it graded
   * @throws IOException if it cannot be written
   */
  public static void write(Path out, Part part) throws IOException {
    Path tmp = Files.createTempFile(out, ".shard", ".tmp");
    Files.writeString(tmp, GSON.toJson(part), StandardCharsets.UTF_8);
    Files.move(tmp, out.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads the parts of a class and checks they make it whole: every shard of one split exactly
   * once, all graded the same way, no student twice.
   *
   * @param dirs the shards' output folders (or their {@value #FILE} files)
   * @return the parts, by shard
   * @throws IllegalArgumentException saying what is missing or does not fit
   * @throws IOException if a file cannot be read
   */
  public static List<Part> read(List<Path> dirs) throws IOException {
    Map<Integer, Part> byIndex = new TreeMap<>();
    Integer count = null;
    String grading = null;
    Map<String, String> seen = new TreeMap<>();
    for (Path d : dirs) {
      Path f = Files.isDirectory(d) ? d.resolve(FILE) : d;
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException(
            f + " does not exist: pass the --out folders of 'grade --shard i/N' runs");
      }
      Part p;
      try {
        p = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), Part.class);
      } catch (JsonParseException e) {
        throw new IllegalArgumentException(f + " is not a shard's result: " + e.getMessage());
      }
      if (p == null
          || p.shard() == null
          || p.results() == null
          || p.exercises() == null
          || p.plans() == null) {
        throw new IllegalArgumentException(f + " is not a shard's result (fields missing)");
      }
      Shard s = Shard.parse(p.shard());
      if (count != null && s.count() != count) {
        throw new IllegalArgumentException(
            f + " is shard " + s + ", but others were split into " + count + " shards");
      }
      if (grading != null && !grading.equals(p.grading())) {
        throw new IllegalArgumentException(
            f
                + " was graded with other hidden tests, settings or grader version than the"
                + " shards before it; grade every shard with the same grader and options");
      }
      if (byIndex.containsKey(s.index())) {
        throw new IllegalArgumentException("shard " + s + " is given twice (" + f + ")");
      }
      for (StudentResult r : p.results()) {
        String before = seen.put(r.student(), s.toString());
        if (before != null) {
          throw new IllegalArgumentException(
              "student '" + r.student() + "' is in shard " + before + " and in shard " + s);
        }
      }
      count = s.count();
      grading = p.grading();
      byIndex.put(s.index(), p);
    }
    if (count == null) {
      throw new IllegalArgumentException("no shard given");
    }
    List<Integer> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "shard(s) " + missing + " of " + count + " missing: every shard's folder is needed");
    }
    return List.copyOf(byIndex.values());
  }

  /**
   * Returns the students of all parts in one list, ordered by id as an unsharded run orders them.
   */
  public static List<StudentResult> merged(List<Part> parts) {
    List<StudentResult> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.results()));
    all.sort(Comparator.comparing(StudentResult::student));
    return all;
  }
}
