package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fsync calls per commit, counted with strace in a child JVM (SQLite's documented behaviour). */
class FsyncsIT {
  @TempDir Path dir;

  @Test
  void countsFourThreeOneAndNoFsyncPerCommit() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");

    List<Fsyncs.Count> counts = Fsyncs.perCommit(dir, 50);

    assertThat(counts).extracting(Fsyncs.Count::method).containsOnly("strace");
    assertThat(counts)
        .extracting(c -> c.journalMode() + "/" + c.synchronous(), c -> c.fsyncsPerCommit())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DELETE/FULL", 4.0),
            org.assertj.core.groups.Tuple.tuple("DELETE/NORMAL", 3.0),
            org.assertj.core.groups.Tuple.tuple("WAL/FULL", 1.0),
            org.assertj.core.groups.Tuple.tuple("WAL/NORMAL", 0.0));
    assertThat(counts)
        .extracting(Fsyncs.Count::oneCommit)
        .containsExactly(
            "journal, folder, journal, database", "journal, folder, database", "-wal file", "-");
  }
}
