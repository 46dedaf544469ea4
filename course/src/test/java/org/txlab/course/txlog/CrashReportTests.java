package org.txlab.course.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store crashed everywhere, for a notebook: counts per kind, first wrong recoveries, costs. */
class CrashReportTests {

  private static Workload twoOrders() {
    Workload.Builder b = Workload.builder();
    for (int i = 1; i <= 2; i++) {
      Map<String, String> puts = new LinkedHashMap<>();
      puts.put("order-" + i, "user " + i);
      puts.put("stock", Integer.toString(10 - i));
      b.commit(puts);
    }
    return b.build();
  }

  private static CrashReport.Row row(CrashReport r, String kind) {
    return r.rows().stream().filter(x -> x.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void aLogNeverForcedLosesCommitsToAPowerLossButNeverToAProcessCrash() {
    CrashReport r = CrashReport.of(LineLog::new, twoOrders());

    assertThat(r.ran()).isTrue();
    assertThat(r.name()).isEqualTo("LineLog");
    CrashReport.Row process = row(r, "PROCESS");
    assertThat(process.ok()).isEqualTo(process.images()).isPositive();
    assertThat(row(r, "DROPPED").lost()).isPositive();
    assertThat(row(r, "REORDERED").torn()).isPositive();
    assertThat(r.count(CrashCheck.Verdict.LOST)).isEqualTo(row(r, "all").lost());
    assertThat(r.firstWrong())
        .extracting(CrashSweep.Finding::verdict)
        .containsExactly(CrashCheck.Verdict.LOST, CrashCheck.Verdict.TORN);
    assertThat(r.syncsPerCommit()).isZero();
  }

  @Test
  void theAllRowAddsUpTheKinds() {
    CrashReport r = CrashReport.of(LineLog.Forced::new, twoOrders());

    List<CrashReport.Row> kinds = r.rows().subList(0, r.rows().size() - 1);
    CrashReport.Row all = row(r, "all");
    assertThat(kinds.stream().mapToInt(CrashReport.Row::images).sum()).isEqualTo(all.images());
    assertThat(kinds.stream().mapToInt(CrashReport.Row::ok).sum()).isEqualTo(all.ok());
    assertThat(all.images()).isEqualTo(r.result().images());
    assertThat(all.ok() + all.lost() + all.torn() + all.threw()).isEqualTo(all.images());
    assertThat(all.lost()).isZero();
    assertThat(r.syncsPerCommit()).isEqualTo(1.0);
  }

  @Test
  void anHonestStoreHasNoWrongRecoveryAndItsRecoveryHoldsUp() {
    CrashReport r = CrashReport.of(d -> new MiniStore(d, MiniStore.Flaw.NONE), twoOrders());

    assertThat(r.count(CrashCheck.Verdict.OK)).isEqualTo(r.result().images());
    assertThat(r.firstWrong()).isEmpty();
    assertThat(r.relapses()).isEmpty();
    assertThat(r.summary())
        .startsWith("MiniStore: 2 commits, ")
        .contains("1 force + syncDir per commit")
        .endsWith("0 LOST, 0 TORN, 0 THREW");
    assertThat(r.toString()).contains("still recovered right").doesNotContain("first ");
  }

  @Test
  void aStoreThatThrowsIsReportedNotThrown() {
    CrashReport r = CrashReport.of(LineLog.Unwritten::new, twoOrders());

    assertThat(r.ran()).isFalse();
    assertThat(r.failure())
        .isEqualTo(
            "recover() on an empty disk threw java.lang.UnsupportedOperationException:"
                + " txlog: implement recover");
    assertThat(r.rows()).isEmpty();
    assertThat(r.toString()).isEqualTo(r.summary()).contains("not crashed: " + r.failure());
    assertThat(r.toHtml()).doesNotContain("<table");
  }

  @Test
  void htmlAndTextShowTheFirstWrongRecoveryOfEachVerdictWithItsFiles() {
    CrashReport r = CrashReport.of("the naive log", LineLog::new, twoOrders());
    CrashSweep.Finding lost = r.firstWrong().get(0);

    assertThat(r.toString())
        .startsWith("the naive log: 2 commits, ")
        .contains("first LOST: " + lost.explanation())
        .contains(CrashImages.picture(r.trace(), lost.image()));
    assertThat(r.toHtml())
        .contains("<table", "<b>first LOST:</b>")
        .contains(LogPicture.Fate.LOST.meaning);
  }
}
