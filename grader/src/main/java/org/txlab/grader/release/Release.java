package org.txlab.grader.release;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.txlab.grader.sources.Starter;

/**
 * Builds the student repository.
 *
 * <p>Kept: the course library, the exercises (every solution region replaced by its stub), the
 * kernel, the notebooks (outputs cleared, exercise cells as starters), {@code binder/}, the build.
 * Left out: the grader (hidden tests, fixtures, reference-solution variants) and its submission
 * agent, the sample class, benchmarks, CI, reports and every {@code target/}. The README is
 * replaced by the student one.
 */
public final class Release {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "course",
          "exercises",
          "kernel",
          "notebooks",
          "binder",
          "pom.xml",
          ".gitignore",
          "test.sh");
  private static final Set<String> LEFT_OUT_MODULES = Set.of("grader", "agent", "notebooks");

  private Release() {}

  /**
   * What the release holds.
   *
   * @param files every file written, relative to the output
   * @param stripped files whose solution regions were replaced
   */
  public record Result(List<Path> files, List<Path> stripped) {}

  /**
   * Writes the student repository.
   *
   * @param repo this repository's root
   * @param out an empty or missing folder
   * @return what was written
   * @throws IOException if a file cannot be read or written, or {@code out} is not empty
   */
  public static Result build(Path repo, Path out) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> list = Files.list(out)) {
        if (list.findAny().isPresent()) {
          throw new IOException("'" + out + "' is not empty; pass a new folder");
        }
      }
    }
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    List<Path> stripped = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(repo)) {
      for (Path p : walk.sorted().toList()) {
        Path rel = repo.relativize(p);
        if (rel.toString().isEmpty()
            || !kept(rel)
            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Path target = out.resolve(rel.toString());
        Files.createDirectories(target.getParent());
        String name = p.getFileName().toString();
        if (name.endsWith(".java")) {
          String source = Files.readString(p, StandardCharsets.UTF_8);
          if (Starter.hasSolution(source)) {
            source = Starter.strip(source, rel.toString());
            stripped.add(rel);
          }
          Files.writeString(target, source, StandardCharsets.UTF_8);
        } else if (name.endsWith(".ipynb")) {
          Files.writeString(
              target,
              notebook(Files.readString(p, StandardCharsets.UTF_8), rel.toString()),
              StandardCharsets.UTF_8);
          stripped.add(rel);
        } else if (rel.toString().equals("pom.xml")) {
          Files.writeString(
              target, pom(Files.readString(p, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } else {
          Files.copy(p, target);
        }
        files.add(rel);
      }
    }
    try (InputStream readme = Release.class.getResourceAsStream("README.student.md")) {
      Files.write(out.resolve("README.md"), readme.readAllBytes());
      files.add(Path.of("README.md"));
    }
    return new Result(files, stripped);
  }

  private static boolean kept(Path rel) {
    String top = rel.getName(0).toString();
    if (!TOP_LEVEL.contains(top)) {
      return false;
    }
    for (Path part : rel) {
      String s = part.toString();
      if (s.equals("target") || s.equals(".ipynb_checkpoints")) {
        return false;
      }
    }
    // The notebooks' own tests run the reference solution; students get the notebooks only.
    return !(top.equals("notebooks") && !rel.toString().endsWith(".ipynb"));
  }

  /** Clears outputs and execution counts; exercise cells become their starters. */
  static String notebook(String json, String name) {
    JsonObject nb = JsonParser.parseString(json).getAsJsonObject();
    for (JsonElement c : nb.getAsJsonArray("cells")) {
      JsonObject cell = c.getAsJsonObject();
      if (!"code".equals(cell.get("cell_type").getAsString())) {
        continue;
      }
      cell.add("outputs", new JsonArray());
      cell.add("execution_count", null);
      String source = source(cell.get("source"));
      if (Starter.hasSolution(source)) {
        cell.add("source", lines(Starter.strip(source, name)));
      }
    }
    return GSON.toJson(nb) + "\n";
  }

  private static String pom(String pom) {
    String out = pom;
    for (String module : LEFT_OUT_MODULES) {
      out = out.replaceAll("\\s*<module>" + module + "</module>", "");
    }
    return out;
  }

  private static String source(JsonElement e) {
    if (e.isJsonArray()) {
      StringBuilder s = new StringBuilder();
      e.getAsJsonArray().forEach(l -> s.append(l.getAsString()));
      return s.toString();
    }
    return e.getAsString();
  }

  private static JsonArray lines(String text) {
    JsonArray a = new JsonArray();
    String[] parts = text.split("(?<=\n)");
    for (String p : parts) {
      a.add(new JsonPrimitive(p));
    }
    return a;
  }
}
