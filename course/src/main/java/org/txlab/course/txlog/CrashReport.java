package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.txlab.course.Tables;
import org.txlab.txlog.Disk;
import org.txlab.txlog.Store;

/**
 * A store crashed at every point of one run, for a notebook: the run recorded on a {@link
 * RecordingDisk}, every image {@link CrashImages} builds, each distinct one recovered by a fresh
 * store and judged ({@link CrashSweep}), recovery checked to hold up ({@link CrashSweep#relapses});
 * shown as verdict counts per kind of image, and the first wrong recovery of each verdict with its
 * picture.
 *
 * <pre>{@code
 * CrashReport.of(NaiveLog::new, workload)   // a cell's value: the kernel shows its toHtml()
 * }</pre>
 *
 * <p>Code that throws or loops on the disk does not end the cell: the report says what happened.
 */
public final class CrashReport {
  /** The most disk calls of the run, and of each recovery. */
  static final int MAX_OPS = 20_000;

  /** The most first-level recoveries crashed in their turn. */
  static final int DEEP = 40;

  /**
   * The verdicts of one kind of image.
   *
   * @param kind the kind, or {@code all}
   * @param images how many (point, image) pairs of that kind were judged
   * @param ok how many recovered right
   * @param lost how many lost a commit that had returned
   * @param torn how many gave a state that is no sequence of whole commits
   * @param threw how many made {@code recover()} throw
   */
  public record Row(String kind, int images, int ok, int lost, int torn, int threw) {}

  private final String name;
  private final Trace trace;
  private final CrashSweep.Result result;
  private final List<Row> rows;
  private final List<CrashSweep.Relapse> relapses;
  private final String failure;

  private CrashReport(
      String name,
      Trace trace,
      CrashSweep.Result result,
      List<Row> rows,
      List<CrashSweep.Relapse> relapses,
      String failure) {
    this.name = name;
    this.trace = trace;
    this.result = result;
    this.rows = rows;
    this.relapses = relapses;
    this.failure = failure;
  }

  /**
   * Runs a workload on a new store over an empty recording disk, and crashes it everywhere.
   *
   * @param make the store's constructor, e.g. {@code NaiveLog::new}
   * @param w the workload
   * @return the report, named after the store's class
   */
  public static CrashReport of(Function<Disk, ? extends Store> make, Workload w) {
    return of(null, make, w);
  }

  /**
   * Runs a workload on a new store over an empty recording disk, and crashes it everywhere.
   *
   * @param name what to call the store in the report; {@code null} for its class's simple name
   * @param make the store's constructor
   * @param w the workload
   * @return the report
   */
  public static CrashReport of(String name, Function<Disk, ? extends Store> make, Workload w) {
    RecordingDisk disk = RecordingDisk.of(DiskImage.empty(), MAX_OPS);
    List<Map<String, String>> states = w.states(Map.of());
    String label = name;
    Store store;
    try {
      store = make.apply(disk);
      if (label == null) {
        label = store.getClass().getSimpleName();
      }
      store.recover();
    } catch (Exception | StackOverflowError e) {
      return failed(label, disk, "recover() on an empty disk threw " + TxRun.describe(e));
    }
    TxRun.Result run = TxRun.run(store, disk, w);
    if (!run.completed()) {
      return failed(
          label, disk, "step " + (run.failedStep() + 1) + " of the run threw " + run.error());
    }
    Trace trace = disk.trace();
    CrashSweep.Recoverer r =
        images -> {
          List<TxRun.Recovery> out = new ArrayList<>();
          for (DiskImage i : images) {
            out.add(TxRun.recover(make::apply, i, MAX_OPS));
          }
          return out;
        };
    CrashSweep.Result result = CrashSweep.sweep(trace, states, p -> true, i -> true, r);
    List<CrashSweep.Relapse> relapses = CrashSweep.relapses(trace, states, result, DEEP, r);
    return new CrashReport(label, trace, result, tally(trace, states, result), relapses, "");
  }

  private static CrashReport failed(String name, RecordingDisk disk, String why) {
    return new CrashReport(
        name == null ? "the store" : name, disk.trace(), null, List.of(), List.of(), why);
  }

  /** Counts the verdicts per kind of image, and in all. */
  private static List<Row> tally(
      Trace trace, List<Map<String, String>> states, CrashSweep.Result result) {
    List<CrashCheck.Point> points = CrashCheck.points(trace);
    Map<CrashImages.Kind, int[]> counts = new EnumMap<>(CrashImages.Kind.class);
    int[] all = new int[5];
    for (CrashImages.Image i : CrashImages.of(trace)) {
      TxRun.Recovery rec = result.recoveries().get(i.disk());
      CrashCheck.Verdict v = CrashCheck.judge(rec.state(), states, points.get(i.after()));
      int[] c = counts.computeIfAbsent(i.kind(), k -> new int[5]);
      c[0]++;
      c[1 + v.ordinal()]++;
      all[0]++;
      all[1 + v.ordinal()]++;
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((k, c) -> rows.add(row(k.name(), c)));
    rows.add(row("all", all));
    return rows;
  }

  private static Row row(String kind, int[] c) {
    // The verdicts' order: OK, LOST, TORN, THREW.
    return new Row(kind, c[0], c[1], c[2], c[3], c[4]);
  }

  /** Returns the store's name in the report. */
  public String name() {
    return name;
  }

  /** Returns the recorded run (up to where it failed, if it did). */
  public Trace trace() {
    return trace;
  }

  /** Tells whether the run went through, so that it could be crashed. */
  public boolean ran() {
    return failure.isEmpty();
  }

  /** Returns why the run did not go through, or {@code ""}. */
  public String failure() {
    return failure;
  }

  /** Returns the verdict counts per kind of image, the last row for all of them. */
  public List<Row> rows() {
    return rows;
  }

  /** Returns how many images got a verdict; 0 if the run did not go through. */
  public int count(CrashCheck.Verdict v) {
    return result == null ? 0 : result.count(v);
  }

  /** Returns the sweep, or {@code null} if the run did not go through. */
  public CrashSweep.Result result() {
    return result;
  }

  /** Returns the recoveries that did not hold up (recovered twice, or crashed while recovering). */
  public List<CrashSweep.Relapse> relapses() {
    return relapses;
  }

  /**
   * Returns the first wrong recovery of each wrong verdict, LOST, TORN, THREW, where there is one.
   */
  public List<CrashSweep.Finding> firstWrong() {
    List<CrashSweep.Finding> out = new ArrayList<>();
    if (result != null) {
      for (CrashCheck.Verdict v :
          List.of(CrashCheck.Verdict.LOST, CrashCheck.Verdict.TORN, CrashCheck.Verdict.THREW)) {
        CrashSweep.Finding f = result.first(v);
        if (f != null) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /**
   * Returns the {@code force} and {@code syncDir} calls per acknowledged commit: those between each
   * commit's start and its return, averaged.
   */
  public double syncsPerCommit() {
    return Syncs.perCommit(trace);
  }

  /** Returns a one-line summary, e.g. {@code NaiveLog: 3 commits, 12 disk calls, …}. */
  public String summary() {
    Syncs s = Syncs.of(trace);
    String head =
        name
            + ": "
            + s.commits()
            + (s.commits() == 1 ? " commit, " : " commits, ")
            + trace.calls()
            + " disk calls ("
            + trace.forces()
            + " force, "
            + trace.dirSyncs()
            + " syncDir), "
            + format(s.perCommit())
            + " force + syncDir per commit";
    if (!ran()) {
      return head + "; not crashed: " + failure;
    }
    return head
        + "; "
        + result.images()
        + " crash images ("
        + result.distinct()
        + " distinct disks): "
        + count(CrashCheck.Verdict.OK)
        + " OK, "
        + count(CrashCheck.Verdict.LOST)
        + " LOST, "
        + count(CrashCheck.Verdict.TORN)
        + " TORN, "
        + count(CrashCheck.Verdict.THREW)
        + " THREW";
  }

  private String relapseLine() {
    if (relapses.isEmpty()) {
      return "recovering again what each right recovery left gave the same store, and a crash at "
          + "any disk call of a recovery still recovered right";
    }
    return relapses.size() + " recoveries did not hold up; the first: " + relapses.get(0).what();
  }

  /** Returns the report as HTML: summary, table, the first wrong recoveries with pictures. */
  public String toHtml() {
    StringBuilder s = new StringBuilder("<div><b>").append(escape(summary())).append("</b>");
    if (ran()) {
      s.append(Tables.html(rows));
      Set<LogPicture.Fate> seen = EnumSet.noneOf(LogPicture.Fate.class);
      for (CrashSweep.Finding f : firstWrong()) {
        s.append("<div style=\"margin-top:8px\"><b>first ")
            .append(f.verdict())
            .append(":</b> ")
            .append(escape(f.explanation()))
            .append("</div>")
            .append(LogPicture.filesHtml(trace, f.image(), seen));
      }
      if (!seen.isEmpty()) {
        s.append(LogPicture.legend(seen));
      }
      s.append("<div style=\"margin-top:6px\">").append(escape(relapseLine())).append("</div>");
    }
    return s.append("</div>").toString();
  }

  /** Returns the report as text: summary, table, the first wrong recoveries with pictures. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(summary());
    if (ran()) {
      s.append('\n').append(Tables.text(rows));
      for (CrashSweep.Finding f : firstWrong()) {
        s.append("\nfirst ")
            .append(f.verdict())
            .append(": ")
            .append(f.explanation())
            .append('\n')
            .append(CrashImages.picture(trace, f.image()));
      }
      s.append('\n').append(relapseLine());
    }
    return s.toString();
  }

  static String format(double d) {
    return d == Math.rint(d)
        ? String.format(Locale.ROOT, "%.0f", d)
        : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The syncs each acknowledged commit made. */
  record Syncs(int commits, int syncs) {
    static Syncs of(Trace trace) {
      int commits = 0;
      int syncs = 0;
      int inCommit = 0;
      boolean open = false;
      for (Op op : trace.ops()) {
        if (op.kind() == Op.Kind.MARK && op.name().startsWith(TxRun.COMMIT)) {
          open = true;
          inCommit = 0;
        } else if (op.kind() == Op.Kind.MARK && op.name().startsWith(TxRun.ACK) && open) {
          commits++;
          syncs += inCommit;
          open = false;
        } else if (open && (op.kind() == Op.Kind.FORCE || op.kind() == Op.Kind.SYNC_DIR)) {
          inCommit++;
        }
      }
      return new Syncs(commits, syncs);
    }

    static double perCommit(Trace trace) {
      return of(trace).perCommit();
    }

    double perCommit() {
      return commits == 0 ? 0 : syncs / (double) commits;
    }
  }
}
