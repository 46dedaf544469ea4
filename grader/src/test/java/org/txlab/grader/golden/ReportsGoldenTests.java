package org.txlab.grader.golden;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.batch.Shards;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.report.Reports;

/**
 * Every report, byte for byte, from a recorded grading: {@code reports/shard.json} is the sample
 * class as {@code grade examples/sample-class --shard 1/1} recorded it (both exercises, the quiz, a
 * compile error, a bad notebook, a cell error, a hand-in that ends the JVM). The gradebooks,
 * feedback, Gradescope results and summary made from it must be exactly the files under {@code
 * reports/expected}.
 */
class ReportsGoldenTests {
  private static final Path RECORDED = Golden.ROOT.resolve("reports/shard.json");

  @TempDir Path out;

  @Test
  void writesExactlyTheRecordedReports() throws Exception {
    List<Shards.Part> parts = Shards.read(List.of(RECORDED));
    Shards.Part part = parts.get(0);

    new Reports(
            part.exercises().stream().map(Exercises::get).toList(), part.plans(), part.quizMax())
        .write(Shards.merged(parts), out);

    Golden.treeMatches(out, Golden.ROOT.resolve("reports/expected"));
  }
}
