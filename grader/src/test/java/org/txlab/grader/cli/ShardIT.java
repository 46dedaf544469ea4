package org.txlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class graded in three shards and merged is the class graded at once, file for file. */
class ShardIT {
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
  void threeShardsMergedWriteTheSameReportsAsOneRun() throws Exception {
    Path whole = dir.resolve("whole");
    assertThat(
            run("grade", SAMPLE.toString(), "-e", "place-order", "--out", whole.toString()).code())
        .isZero();
    List<String> shards = new ArrayList<>();
    int graded = 0;
    for (int i = 1; i <= 3; i++) {
      Path out = dir.resolve("shard-" + i);
      Run r =
          run(
              "grade",
              SAMPLE.toString(),
              "-e",
              "place-order",
              "--shard",
              i + "/3",
              "--out",
              out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("shard " + i + "/3").contains("shard.json");
      graded += Files.readAllLines(out.resolve("gradebook.csv")).size() - 1;
      shards.add(out.toString());
    }
    assertThat(graded).as("students over all shards").isEqualTo(14);

    Path merged = dir.resolve("merged");
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(shards);
    args.addAll(List.of("--out", merged.toString()));
    Run m = run(args.toArray(String[]::new));

    assertThat(m.code()).as(m.err()).isZero();
    assertThat(m.out()).contains("Joined 3 shards: 14 students");
    List<Path> expected = reports(whole);
    assertThat(reports(merged)).isEqualTo(expected);
    for (Path f : expected) {
      assertThat(merged.resolve(f)).as(f.toString()).hasSameBinaryContentAs(whole.resolve(f));
    }
  }

  @Test
  void refusesShardsThatDoNotMakeOneClass() throws Exception {
    Path one = dir.resolve("one");
    Path alsoOne = dir.resolve("also-one");
    Path ofTwo = dir.resolve("of-two");
    Path in = Files.createDirectories(dir.resolve("class/ada"));
    Files.copy(SAMPLE.resolve("ada/PlaceOrder.java"), in.resolve("PlaceOrder.java"));
    String cls = dir.resolve("class").toString();
    assertThat(
            run("grade", cls, "-e", "place-order", "--shard", "1/3", "--out", one.toString())
                .code())
        .isZero();
    assertThat(
            run("grade", cls, "-e", "place-order", "--shard", "1/3", "--out", alsoOne.toString())
                .code())
        .isZero();
    assertThat(
            run("grade", cls, "-e", "place-order", "--shard", "2/2", "--out", ofTwo.toString())
                .code())
        .isZero();

    assertThat(run("merge", one.toString(), "--out", dir.resolve("m1").toString()).err())
        .contains("[BAD_INPUT] shard(s) [2, 3] of 3 missing");
    assertThat(
            run("merge", one.toString(), alsoOne.toString(), "--out", dir.resolve("m2").toString())
                .err())
        .contains("shard 1/3 is given twice");
    assertThat(
            run("merge", one.toString(), ofTwo.toString(), "--out", dir.resolve("m3").toString()))
        .satisfies(r -> assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT))
        .satisfies(r -> assertThat(r.err()).contains("others were split into 3 shards"));
    assertThat(run("merge", dir.resolve("nowhere").toString(), "--out", dir.toString()).err())
        .contains("pass the --out folders of 'grade --shard i/N' runs");
    assertThat(run("grade", cls, "--shard", "4/3").err()).contains("[USAGE] --shard 4/3");
    assertThat(dir.resolve("m1")).doesNotExist();
  }

  private static List<Path> reports(Path out) throws Exception {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile)
          .map(out::relativize)
          .filter(p -> !p.startsWith(".state") && !p.startsWith(".work"))
          .filter(p -> !p.toString().equals("shard.json"))
          .sorted()
          .toList();
    }
  }
}
