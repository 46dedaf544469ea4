package org.txlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.txlab.course.txlog.CrashCheck;
import org.txlab.course.txlog.CrashImages;
import org.txlab.course.txlog.CrashSweep;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.RecordingDisk;
import org.txlab.course.txlog.States;
import org.txlab.course.txlog.TxRun;
import org.txlab.course.txlog.Workload;
import org.txlab.txlog.Disk;
import org.txlab.txlog.Store;

/**
 * The txlog self-check: a few small runs, each crashed at every disk call in every way the Disk
 * contract allows, recovered in this JVM with a fresh store per crash image. The grader's crash
 * model and judge, on smaller workloads than the hidden tests'.
 */
final class SelfCheckTxLog {
  private SelfCheckTxLog() {}

  static List<SelfCheck.Check> checks(Function<Disk, ? extends Store> create) {
    List<SelfCheck.Check> out = new ArrayList<>();
    out.add(timed(Messages.get("txlog.check.reads"), () -> reads(create)));
    out.add(timed(Messages.get("txlog.check.values"), () -> values(create)));
    out.add(
        timed(
            Messages.get("txlog.check.process"),
            () ->
                sweep(
                    create,
                    orders(),
                    p -> true,
                    i -> i.kind() == CrashImages.Kind.PROCESS,
                    WHOLE)));
    out.add(
        timed(
            Messages.get("txlog.check.power"),
            () ->
                sweep(
                    create,
                    orders(),
                    p -> true,
                    i -> i.kind() != CrashImages.Kind.PROCESS,
                    WHOLE)));
    out.add(
        timed(
            Messages.get("txlog.check.durable"),
            () -> sweep(create, orders(), p -> p.acked() > 0, i -> true, DURABLE)));
    out.add(
        timed(
            Messages.get("txlog.check.checkpoint"),
            () ->
                sweep(
                    create,
                    rotation(),
                    p -> p.inCheckpoint() || p.checkpoints() > 0,
                    i -> true,
                    ANY)));
    return out;
  }

  // Each check fails on its own verdicts only, as the hidden tests do: a lost commit is the
  // durability check's to report, not the atomicity checks'.
  private static final CrashCheck.Verdict[] WHOLE = {
    CrashCheck.Verdict.TORN, CrashCheck.Verdict.THREW
  };
  private static final CrashCheck.Verdict[] DURABLE = {CrashCheck.Verdict.LOST};
  private static final CrashCheck.Verdict[] ANY = {
    CrashCheck.Verdict.TORN, CrashCheck.Verdict.THREW, CrashCheck.Verdict.LOST
  };

  /** Three orders. */
  static Workload orders() {
    return Workload.builder()
        .commit(puts("stock-1", "3", "stock-2", "1"))
        .commit(puts("order-1", "user 7", "stock-1", "2"))
        .commit(puts("order-2", "user 8", "stock-1", "1", "stock-2", "0"))
        .build();
  }

  /** Four commits, a quiet time, a checkpoint. */
  static Workload rotation() {
    Workload.Builder b = Workload.builder();
    for (int i = 1; i <= 4; i++) {
      b.commit(puts("stock-1", Integer.toString(10 - i), "last-order", "order " + i));
    }
    return b.step(Workload.Kind.SETTLE).step(Workload.Kind.CHECKPOINT).build();
  }

  private static Map<String, String> puts(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String reads(Function<Disk, ? extends Store> create) throws Exception {
    Workload w =
        Workload.builder()
            .step(Workload.Kind.BEGIN)
            .step(Workload.Kind.PUT, "stock-1", "3")
            .step(Workload.Kind.TX_GET, "stock-1", "")
            .step(Workload.Kind.GET, "stock-1", "")
            .step(Workload.Kind.COMMIT)
            .step(Workload.Kind.GET, "stock-1", "")
            .step(Workload.Kind.BEGIN)
            .step(Workload.Kind.PUT, "stock-1", "0")
            .step(Workload.Kind.ABANDON)
            .step(Workload.Kind.SNAPSHOT)
            .build();
    Ran r = run(create, w);
    if (!r.problem.isEmpty()) {
      return r.problem;
    }
    List<String> want = w.expectedReads(Map.of());
    String[] what = {
      "tx.get(\"stock-1\") after tx.put(\"stock-1\", \"3\")",
      "store.get(\"stock-1\") before commit",
      "store.get(\"stock-1\") after commit",
      "snapshot() after a dropped transaction"
    };
    for (int k = 0; k < want.size(); k++) {
      if (!java.util.Objects.equals(want.get(k), r.result.reads().get(k))) {
        return Messages.get("txlog.selfcheck.read", what[k], want.get(k), r.result.reads().get(k));
      }
    }
    return "";
  }

  private static String values(Function<Disk, ? extends Store> create) throws Exception {
    Map<String, String> awkward =
        puts(
            "note",
            "two\nlines",
            "tabs",
            "a\tb",
            "csv",
            "1,2;3=4",
            "empty",
            "",
            "unicode",
            "größe ✓");
    Workload w = Workload.builder().commit(awkward).build();
    Ran r = run(create, w);
    if (!r.problem.isEmpty()) {
      return r.problem;
    }
    TxRun.Recovery again = TxRun.recover(create::apply, r.disk.visible(), 10_000);
    if (again.state() == null) {
      return Messages.get("txlog.selfcheck.restartThrew", again.error());
    }
    if (!again.state().equals(awkward)) {
      return Messages.get(
          "txlog.selfcheck.restart", States.show(awkward), States.show(again.state()));
    }
    return "";
  }

  private static String sweep(
      Function<Disk, ? extends Store> create,
      Workload w,
      Predicate<CrashCheck.Point> where,
      Predicate<CrashImages.Image> kinds,
      CrashCheck.Verdict[] failing)
      throws Exception {
    Ran r = run(create, w);
    if (!r.problem.isEmpty()) {
      return r.problem;
    }
    List<Map<String, String>> states = w.states(Map.of());
    CrashSweep.Result res =
        CrashSweep.sweep(
            r.disk.trace(),
            states,
            where,
            kinds,
            images -> {
              List<TxRun.Recovery> out = new ArrayList<>();
              for (DiskImage i : images) {
                out.add(TxRun.recover(create::apply, i, 5_000));
              }
              return out;
            });
    CrashSweep.Finding f = res.first(failing);
    if (f == null) {
      return "";
    }
    return Messages.get(
        "txlog.selfcheck.crash",
        f.explanation(),
        java.util.Arrays.stream(failing).mapToInt(res::count).sum(),
        res.images(),
        CrashImages.picture(r.disk.trace(), f.image()));
  }

  private record Ran(RecordingDisk disk, TxRun.Result result, String problem) {}

  private static Ran run(Function<Disk, ? extends Store> create, Workload w) {
    RecordingDisk disk = RecordingDisk.of(DiskImage.empty(), 20_000);
    Store store;
    try {
      store = create.apply(disk);
      store.recover();
    } catch (Exception | StackOverflowError e) {
      return new Ran(disk, null, Messages.get("txlog.selfcheck.recoverEmpty", TxRun.describe(e)));
    }
    TxRun.Result r = TxRun.run(store, disk, w);
    if (!r.completed()) {
      return new Ran(disk, r, Messages.get("txlog.selfcheck.threw", r.failedStep() + 1, r.error()));
    }
    return new Ran(disk, r, "");
  }

  /** A check body returning its problem, or {@code ""} when it passed. */
  @FunctionalInterface
  private interface Body {
    String run() throws Exception;
  }

  /** Runs a check with the self-check's deadline: a store that loops fails, it does not hang. */
  private static SelfCheck.Check timed(String title, Body body) {
    CompletableFuture<SelfCheck.Check> f =
        SelfCheckRun.background(
            title,
            () -> {
              String problem = body.run();
              return problem.isEmpty()
                  ? SelfCheck.Check.passed(title)
                  : SelfCheck.Check.failed(title, problem);
            });
    try {
      return f.get(SelfCheckRun.DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return SelfCheck.Check.failed(
          title, Messages.get("txlog.selfcheck.timeout", SelfCheckRun.DEADLINE_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SelfCheck.Check.failed(title, Messages.get("selfcheck.internal", "interrupted"));
    } catch (java.util.concurrent.ExecutionException e) {
      return SelfCheck.Check.failed(title, Messages.get("selfcheck.internal", e.getCause()));
    }
  }
}
