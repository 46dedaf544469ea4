package org.txlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instructor's main job, end to end: the sample class graded in the real sandbox. */
class GradeCommandIT {
  private static final Path SAMPLE = Path.of("../examples/sample-class");

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void gradesTheSampleClassAndRegradesOnlyWhatChanged() throws Exception {
    Path in = dir.resolve("class");
    copyTree(SAMPLE, in);
    Path out = dir.resolve("reports");

    Run first = run("grade", in.toString(), "--out", out.toString());

    assertThat(first.code()).as(first.err()).isZero();
    List<String> gradebook = Files.readAllLines(out.resolve("gradebook.csv"));
    String none = "\"graded; no implementation of ";
    String rest = " compensation, txlog\"";
    assertThat(gradebook.get(11))
        .startsWith("nora,0,0,0,0,0,0,,0,")
        .contains("not gradable: [BAD_NOTEBOOK] 'nora.ipynb' is not a valid notebook");
    assertThat(gradebook.get(12))
        .as("a notebook whose exercise cell fails in the kernel fails the same way when graded")
        .isEqualTo(
            "oli,0,0,0,0,0,0,0,0,\"graded; place-order, cart-checkout, idempotent-checkout, outbox,"
                + " compensation, txlog not graded: [CELL_ERROR] exercise cell 1 fails, as it does in the notebook:"
                + " CompilationError: line 23: ';' expected\"");
    assertThat(gradebook.subList(0, 11))
        .containsExactly(
            "student,place-order (25),cart-checkout (25),idempotent-checkout (25),outbox (25),"
                + "compensation (25),txlog (25),quiz (16),total (166),status",
            "ada,25,25,25,25,25,25,,150,graded",
            "ben,24,0,0,0,0,0,,24," + none + "cart-checkout, idempotent-checkout, outbox," + rest,
            "carla,14,0,0,0,0,0,,14," + none + "cart-checkout, idempotent-checkout, outbox," + rest,
            "dan,20,22,0,0,0,0,,42," + none + "idempotent-checkout, outbox," + rest,
            "eve,22,0,0,0,0,0,,22," + none + "cart-checkout, idempotent-checkout, outbox," + rest,
            "fay,0,24,0,18,0,22,,64," + none + "place-order, idempotent-checkout, compensation\"",
            "jo,0,0,0,0,0,0,,0,not gradable: [COMPILE_ERROR] your code does not compile:"
                + " PlaceOrder.java:15: error: ';' expected",
            "kim,0,0,0,0,0,0,,0," + none + "cart-checkout, idempotent-checkout, outbox," + rest,
            "lea,25,0,0,0,0,0,12,37," + none + "cart-checkout, idempotent-checkout, outbox," + rest,
            "max,14,0,0,0,0,0,2,16," + none + "cart-checkout, idempotent-checkout, outbox," + rest);
    assertThat(gradebook.subList(13, 15))
        .containsExactly(
            "pia,0,0,0,0,21,23,,44,"
                + none
                + "place-order, cart-checkout, idempotent-checkout, outbox\"",
            "quinn,0,0,22,0,0,0,,22," + none + "place-order, cart-checkout, outbox," + rest);
    for (String f :
        List.of(
            "gradebook-canvas.csv",
            "gradebook-moodle.csv",
            "summary.html",
            "feedback/carla.md",
            "feedback/carla.html",
            "gradescope/carla/results.json")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    assertThat(Files.readString(out.resolve("feedback/carla.md")))
        .contains("✘ a failure at any statement up to the commit leaves nothing or the whole order")
        .contains("Hint: Both writes belong to one transaction")
        .doesNotContain("AtomicityChecks", "Harness");
    assertThat(Files.readString(out.resolve("summary.html")))
        .contains(
            "kim</strong>: ended the JVM, exit, file descriptors, files, network, wrote to the"
                + " result channel");
    // Read as JSON: the phases' order in the state file is not part of its meaning.
    assertThat(
            JsonParser.parseString(Files.readString(out.resolve(".state/ben.json")))
                .getAsJsonObject()
                .getAsJsonObject("phases")
                .get("jvm starts")
                .getAsInt())
        .as("a hand-in of one exercise starts JVMs for that one's kill tests, not for all six")
        .isEqualTo(2);

    Files.writeString(
        in.resolve("carla.java"),
        Files.readString(in.resolve("carla.java"))
            .replace("c.createStatement()", "c .createStatement()"));
    Run second = run("grade", in.toString(), "--out", out.toString());

    assertThat(second.code()).isZero();
    assertThat(second.out().lines().filter(l -> l.contains("(unchanged)")).count()).isEqualTo(13);
    assertThat(second.out()).containsPattern("carla +14/150 +\\d");
  }

  @Test
  void gradesTheSameWithoutTheSandboxAndSaysWhatIsMissing() throws Exception {
    Path in = dir.resolve("class");
    for (String who : List.of("ada", "dan", "kim")) {
      copyTree(SAMPLE.resolve(who), in.resolve(who));
    }
    Path out = dir.resolve("reports");

    Run r = run("grade", in.toString(), "--no-sandbox", "--out", out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).contains("[NO_SANDBOX]", "apt-get install bubblewrap");
    assertThat(Files.readAllLines(out.resolve("gradebook.csv")))
        .containsExactly(
            "student,place-order (25),cart-checkout (25),idempotent-checkout (25),outbox (25),"
                + "compensation (25),txlog (25),quiz (16),total (166),status",
            "ada,25,25,25,25,25,25,,150,graded",
            "dan,20,22,0,0,0,0,,42,\"graded; no implementation of idempotent-checkout, outbox,"
                + " compensation, txlog\"",
            "kim,0,0,0,0,0,0,,0,\"graded; no implementation of cart-checkout, idempotent-checkout,"
                + " outbox, compensation, txlog\"");
  }

  @Test
  void saysWhatToDoWithAMissingInput() {
    Run r = run("grade", dir.resolve("nowhere").toString());

    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).startsWith("[BAD_INPUT] '").contains("pass a folder of submissions");
  }

  @Test
  void rejectsAnUnknownOptionWithUsage() {
    Run r = run("grade", "--frobnicate", "class");

    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err())
        .contains("Unknown option: '--frobnicate'")
        .contains("Usage: txlab-grader grade");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
