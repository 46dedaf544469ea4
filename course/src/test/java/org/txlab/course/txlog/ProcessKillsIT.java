package org.txlab.course.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store in a real child JVM on a real folder, killed with SIGKILL before each disk call. */
class ProcessKillsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private static Workload twoOrders() {
    return Workload.builder()
        .commit(Map.of("stock", "9"))
        .commit(Map.of("order-1", "user 7"))
        .build();
  }

  @Test
  void eachKilledFolderIsTheModelsProcessImageAndANeverForcedLogRecoversIt() throws Exception {
    List<ProcessKills.Kill> kills =
        ProcessKills.atEveryCall(LineLog.class, twoOrders(), dir, TIMEOUT);

    // create log, syncDir, two appends per commit, and the kill after the last call.
    assertThat(kills).hasSize(7);
    assertThat(kills).allMatch(ProcessKills.Kill::sameAsModel);
    assertThat(kills).extracting(ProcessKills.Kill::verdict).containsOnly(CrashCheck.Verdict.OK);
    assertThat(kills.get(0).killed()).isEqualTo("before disk call 1 (create log)");
    assertThat(kills.get(6))
        .isEqualTo(
            new ProcessKills.Kill(
                "after its last disk call",
                2,
                true,
                "{order-1=user 7, stock=9}",
                CrashCheck.Verdict.OK));
  }

  @Test
  void aCommitAcknowledgedBeforeItIsWrittenIsLostToARealKill() throws Exception {
    List<ProcessKills.Kill> kills =
        ProcessKills.atEveryCall(LineLog.Late.class, twoOrders(), dir, TIMEOUT);

    ProcessKills.Kill last = kills.get(kills.size() - 1);
    assertThat(last.commitsReturned()).isEqualTo(2);
    assertThat(last.recovered()).isEqualTo("{stock=9}");
    assertThat(last.verdict()).isEqualTo(CrashCheck.Verdict.LOST);
    assertThat(kills).allMatch(ProcessKills.Kill::sameAsModel);
  }
}
