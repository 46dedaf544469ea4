package org.txlab.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.cli.Main;

/**
 * Hand-ins that used to end the batch for the whole class: each must fail only itself, with a
 * message that says what and what to do, while the honest student beside them is graded; and a
 * second run must not crash on them either.
 */
class HostileInputIT {
  private static final Path REFERENCE =
      Path.of("../exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");

  @TempDir Path dir;

  @Test
  void everyHostileHandInFailsOnlyItself() throws Exception {
    Path in = Files.createDirectories(dir.resolve("class"));
    Files.createDirectories(in.resolve("honest"));
    Files.copy(REFERENCE, in.resolve("honest/PlaceOrder.java"));
    Files.writeString(in.resolve("cells-object.ipynb"), "{\"cells\": {\"not\": \"an array\"}}");
    Files.writeString(in.resolve("deep.ipynb"), "[".repeat(200_000));
    Files.writeString(
        in.resolve("long-answer.ipynb"),
        notebook("Quiz.answer(\\\"wait-and-see\\\", \\\"" + "B".repeat(1 << 20) + "\\\")", "quiz"));
    Files.createDirectories(in.resolve("java-package"));
    Files.writeString(
        in.resolve("java-package/PlaceOrder.java"),
        Files.readString(REFERENCE).replace("package org.txlab.exercises;", "package java.lang;"));
    Files.write(in.resolve("latin1.zip"), zip(StandardCharsets.ISO_8859_1, "Pl\u00e4ceOrder.java"));
    byte[] whole = zip(StandardCharsets.UTF_8, "PlaceOrder.java");
    Files.write(in.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.write(in.resolve("clash.zip"), clash());
    mkfifo(in.resolve("fifo.java"));
    Files.createSymbolicLink(in.resolve("link.java"), REFERENCE.toAbsolutePath());
    Files.createDirectories(in.resolve("alice"));
    Files.copy(REFERENCE, in.resolve("alice/PlaceOrder.java"));
    Files.write(in.resolve("alice.zip"), whole);
    Files.createDirectories(in.resolve("empty"));

    for (int run = 1; run <= 2; run++) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "grade",
              in.toString(),
              "--out",
              dir.resolve("out").toString(),
              "--exercise",
              "place-order");

      assertThat(code).as("run %d exit code; stdout %s; stderr %s", run, out, err).isZero();
      Map<String, String> rows = new LinkedHashMap<>();
      for (String line : Files.readAllLines(dir.resolve("out/gradebook.csv")).subList(1, 13)) {
        rows.put(line.substring(0, line.indexOf(',')), line);
      }
      assertThat(rows.get("honest")).startsWith("honest,25,");
      assertThat(rows.get("cells-object")).contains("[BAD_NOTEBOOK]", "'cells' is not an array");
      assertThat(rows.get("deep")).contains("[BAD_NOTEBOOK]");
      assertThat(rows.get("long-answer")).contains("[NO_EXERCISE]");
      assertThat(rows.get("java-package")).contains("[COMPILE_ERROR]");
      assertThat(rows.get("latin1")).startsWith("latin1,25,");
      assertThat(rows.get("truncated")).contains("[BAD_ZIP]", "truncated");
      assertThat(rows.get("clash")).contains("[BAD_ZIP]", "a file and a folder");
      assertThat(rows.get("fifo")).contains("[NOT_A_FILE]");
      assertThat(rows.get("link")).contains("[SYMLINK]");
      assertThat(rows.get("alice")).contains("[DUPLICATE]", "'alice'", "'alice.zip'");
      assertThat(rows.get("empty")).contains("[EMPTY]");
    }
  }

  private static String notebook(String source, String tag) {
    return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\":"
        + " \"code\", \"metadata\": {\"tags\": [\""
        + tag
        + "\"]}, \"source\": \""
        + source
        + "\", \"outputs\": [], \"execution_count\": null}]}";
  }

  private static byte[] zip(java.nio.charset.Charset names, String entry) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
      zip.putNextEntry(new ZipEntry("src/" + entry));
      zip.write(Files.readAllBytes(REFERENCE));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] clash() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("src"));
      zip.write("a file".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("src/PlaceOrder.java"));
      zip.write(Files.readAllBytes(REFERENCE));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void mkfifo(Path p) throws Exception {
    Process mk = new ProcessBuilder(List.of("mkfifo", p.toString())).start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mkfifo").isTrue();
  }
}
