package org.txlab.grader.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student release, built from this repository and checked as a student would get it. */
class ReleaseIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir static Path dir;
  static Path release;

  @BeforeAll
  static void build() throws IOException {
    release = dir.resolve("student-repo");
    Release.build(REPO, release);
  }

  /** The files of a tree, build output left out (the Maven run below builds in the release). */
  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().matches("(.*/)?target/.*"))
          .toList();
    }
  }

  /** A file's text as a student reads it: a notebook's cell sources, with whitespace collapsed. */
  private static String readable(Path p) throws IOException {
    String text = Files.readString(p, StandardCharsets.UTF_8);
    if (p.toString().endsWith(".ipynb")) {
      StringBuilder cells = new StringBuilder();
      for (JsonElement c : JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("cells")) {
        JsonElement source = c.getAsJsonObject().get("source");
        if (source.isJsonArray()) {
          source.getAsJsonArray().forEach(l -> cells.append(l.getAsString()));
        } else {
          cells.append(source.getAsString());
        }
        cells.append('\n');
      }
      text = cells.toString();
    }
    return text;
  }

  /** The shortest solution region worth looking for in the release. */
  private static final int MIN_REGION_CHARS = 60;

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** The text of every solution region in the repository, whitespace collapsed. */
  private static List<String> solutionRegions() throws IOException {
    List<String> regions = new ArrayList<>();
    for (Path p : files(REPO)) {
      String name = REPO.relativize(p).toString();
      // Solution regions live in the exercises and the notebooks.
      if (!(name.startsWith("exercises/") || name.startsWith("notebooks/"))
          || !(name.endsWith(".java") || name.endsWith(".ipynb"))) {
        continue;
      }
      StringBuilder region = null;
      for (String line : readable(p).split("\n")) {
        String t = line.strip();
        if (t.startsWith("// BEGIN SOLUTION")) {
          region = new StringBuilder();
        } else if (t.startsWith("// END SOLUTION") && region != null) {
          // A one-statement region ("return committed.get(key);") gives nothing away, and a
          // notebook's own worked examples may hold the same line.
          String r = collapse(region.toString());
          if (r.length() >= MIN_REGION_CHARS) {
            regions.add(r);
          }
          region = null;
        } else if (region != null) {
          region.append(line).append('\n');
        }
      }
    }
    return regions;
  }

  @Test
  void holdsNoSolutionCode() throws IOException {
    List<String> regions = solutionRegions();
    assertThat(regions).as("solution regions found in the repository").isNotEmpty();
    for (Path p : files(release)) {
      String rel = release.relativize(p).toString();
      if (!(rel.endsWith(".java") || rel.endsWith(".ipynb") || rel.endsWith(".md"))) {
        continue;
      }
      String text = collapse(readable(p));
      for (String region : regions) {
        assertThat(text).as("%s must not contain a solution region", rel).doesNotContain(region);
      }
    }
  }

  @Test
  void holdsNoHiddenTestsNoGraderAndNoOutputs() throws IOException {
    for (Path p : files(release)) {
      String rel = release.relativize(p).toString();
      assertThat(rel)
          .doesNotStartWith("grader")
          .doesNotStartWith("examples")
          .doesNotContain("target/");
      String text = Files.readString(p, StandardCharsets.ISO_8859_1);
      assertThat(text).as(rel).doesNotContain("org.txlab.grader.hidden", "expect-loss:");
      if (rel.endsWith(".ipynb")) {
        JsonObject nb = JsonParser.parseString(text).getAsJsonObject();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
          JsonObject cell = c.getAsJsonObject();
          if (cell.get("cell_type").getAsString().equals("code")) {
            assertThat(cell.getAsJsonArray("outputs")).as(rel + " outputs").isEmpty();
            assertThat(cell.get("execution_count").isJsonNull())
                .as(rel + " execution_count")
                .isTrue();
          }
        }
      }
    }
    assertThat(release.resolve("binder/postBuild")).exists();
    assertThat(Files.readString(release.resolve("pom.xml")))
        .doesNotContain("<module>grader</module>");
    assertThat(
            Files.readString(
                release.resolve("exercises/src/main/java/org/txlab/exercises/PlaceOrder.java")))
        .contains("// TODO(place-order): implement placeOrder")
        .contains(
            "throw new UnsupportedOperationException(\"place-order: implement placeOrder\");");
  }

  @Test
  void aNotebookMadeFromTheReleaseWithTheReferenceSolutionGradesFullMarks() throws Exception {
    String name = "02-sqlite-transaction.ipynb";
    JsonObject student =
        JsonParser.parseString(Files.readString(release.resolve("notebooks/" + name)))
            .getAsJsonObject();
    JsonObject instructor =
        JsonParser.parseString(Files.readString(REPO.resolve("notebooks/" + name)))
            .getAsJsonObject();
    JsonElement reference = null;
    for (JsonElement c : instructor.getAsJsonArray("cells")) {
      if (c.getAsJsonObject().toString().contains("\"exercise\"")) {
        reference = c.getAsJsonObject().get("source");
      }
    }
    assertThat(reference).as("the exercise cell of the instructor's " + name).isNotNull();
    for (JsonElement c : student.getAsJsonArray("cells")) {
      if (c.getAsJsonObject().toString().contains("\"exercise\"")) {
        assertThat(c.getAsJsonObject().get("source").toString()).contains("TODO(place-order)");
        c.getAsJsonObject().add("source", reference);
      }
    }
    Path submissions = Files.createDirectories(dir.resolve("class"));
    Files.writeString(submissions.resolve("student.ipynb"), student.toString());
    Path out = dir.resolve("graded");

    int code =
        org.txlab.grader.cli.Main.run(
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(new java.io.StringWriter()),
            "grade",
            submissions.toString(),
            "--out",
            out.toString());

    assertThat(code).isZero();
    assertThat(Files.readAllLines(out.resolve("gradebook.csv")).get(1)).startsWith("student,25,");
  }

  @Test
  void itsPublicChecksCompileAndFailOnTheStarter() throws Exception {
    Process mvn =
        new ProcessBuilder("mvn", "-o", "-B", "-q", "-pl", "exercises", "-am", "test")
            .directory(release.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mvn.waitFor(10, TimeUnit.MINUTES)).isTrue();

    assertThat(mvn.exitValue()).as(out).isNotZero();
    assertThat(out)
        .as("the checks ran and failed; they did not fail to compile")
        .doesNotContain("COMPILATION ERROR")
        .contains("UnsupportedOperationException: place-order: implement placeOrder");
  }
}
