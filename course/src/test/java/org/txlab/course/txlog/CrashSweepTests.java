package org.txlab.course.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sweeps of a small store with one flaw at a time: each flaw found, and only its own verdict. */
class CrashSweepTests {

  private static Workload threeOrders() {
    Workload.Builder b = Workload.builder();
    for (int i = 1; i <= 3; i++) {
      Map<String, String> puts = new LinkedHashMap<>();
      puts.put("stock", Integer.toString(10 - i));
      puts.put("order-" + i, "user " + i);
      b.commit(puts);
    }
    return b.build();
  }

  private static CrashSweep.Result sweep(MiniStore.Flaw flaw) throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    MiniStore s = new MiniStore(d, flaw);
    s.recover();
    Workload w = threeOrders();
    assertThat(TxRun.run(s, d, w).completed()).isTrue();
    return CrashSweep.sweep(
        d.trace(),
        w.states(Map.of()),
        p -> true,
        i -> true,
        images -> {
          List<TxRun.Recovery> out = new ArrayList<>();
          images.forEach(i -> out.add(TxRun.recover(x -> new MiniStore(x, flaw), i, 1000)));
          return out;
        });
  }

  @Test
  void aCorrectStoreRecoversEveryImage() throws Exception {
    CrashSweep.Result r = sweep(MiniStore.Flaw.NONE);

    assertThat(r.findings()).isEmpty();
    assertThat(r.images()).isGreaterThan(r.distinct()).isGreaterThan(20);
  }

  @Test
  void aCommitWithoutForceLosesAcknowledgedCommitsAndNothingElse() throws Exception {
    CrashSweep.Result r = sweep(MiniStore.Flaw.NO_FORCE);

    assertThat(r.count(CrashCheck.Verdict.LOST)).isPositive();
    assertThat(r.count(CrashCheck.Verdict.TORN)).isZero();
    assertThat(r.first(CrashCheck.Verdict.LOST).explanation())
        .contains("had returned")
        .contains("instead of");
  }

  @Test
  void aLogWithoutChecksumReplaysATornTransaction() throws Exception {
    CrashSweep.Result r = sweep(MiniStore.Flaw.NO_CHECKSUM);

    assertThat(r.count(CrashCheck.Verdict.TORN) + r.count(CrashCheck.Verdict.THREW)).isPositive();
    assertThat(r.count(CrashCheck.Verdict.LOST)).isZero();
  }

  @Test
  void aLogCreatedWithoutSyncDirCanLoseEverything() throws Exception {
    CrashSweep.Result r = sweep(MiniStore.Flaw.NO_SYNC_DIR);

    CrashSweep.Finding f = r.first(CrashCheck.Verdict.LOST);
    assertThat(f).isNotNull();
    assertThat(f.image().kind()).isEqualTo(CrashImages.Kind.NAMES);
  }

  @Test
  void theVerdictFollowsTheMarksOfTheRun() {
    List<Map<String, String>> states =
        List.of(Map.of(), Map.of("stock", "9"), Map.of("stock", "8"));
    CrashCheck.Point underWay = new CrashCheck.Point(5, 1, 2, false, 0, "disk call 4 (force log)");

    assertThat(CrashCheck.judge(Map.of("stock", "9"), states, underWay))
        .isEqualTo(CrashCheck.Verdict.OK);
    assertThat(CrashCheck.judge(Map.of("stock", "8"), states, underWay))
        .isEqualTo(CrashCheck.Verdict.OK);
    assertThat(CrashCheck.judge(Map.of(), states, underWay)).isEqualTo(CrashCheck.Verdict.LOST);
    assertThat(CrashCheck.judge(Map.of("stock", "7"), states, underWay))
        .isEqualTo(CrashCheck.Verdict.TORN);
    assertThat(CrashCheck.judge(null, states, underWay)).isEqualTo(CrashCheck.Verdict.THREW);
  }

  @Test
  void recoveryThatHoldsUpHasNoRelapses() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    MiniStore s = new MiniStore(d, MiniStore.Flaw.NONE);
    s.recover();
    Workload w = threeOrders();
    TxRun.run(s, d, w);
    CrashSweep.Recoverer rec =
        images -> {
          List<TxRun.Recovery> out = new ArrayList<>();
          images.forEach(
              i -> out.add(TxRun.recover(x -> new MiniStore(x, MiniStore.Flaw.NONE), i, 1000)));
          return out;
        };
    CrashSweep.Result first =
        CrashSweep.sweep(d.trace(), w.states(Map.of()), p -> true, i -> true, rec);

    assertThat(CrashSweep.relapses(d.trace(), w.states(Map.of()), first, 10, rec)).isEmpty();
  }
}
