package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Crashes a recorded run at every point, recovers every distinct image once, and judges each
 * recovery against the point it came from. Where recovery runs is the caller's: in the notebook's
 * JVM for the self-check, in the sandboxed submission JVM for grading.
 */
public final class CrashSweep {

  /** Recovers a batch of images, each in a fresh store, returning one recovery per image. */
  @FunctionalInterface
  public interface Recoverer {
    /**
     * Recovers images.
     *
     * @param images the images
     * @return the recoveries, in the same order
     */
    List<TxRun.Recovery> recover(List<DiskImage> images);
  }

  /**
   * One crash image whose recovery was wrong.
   *
   * @param verdict how
   * @param point where the crash was
   * @param image what it left
   * @param recovery what recovery did
   * @param explanation the whole story, in a student's words
   */
  public record Finding(
      CrashCheck.Verdict verdict,
      CrashCheck.Point point,
      CrashImages.Image image,
      TxRun.Recovery recovery,
      String explanation) {}

  /**
   * What a sweep found.
   *
   * @param images how many (point, image) pairs were judged
   * @param distinct how many distinct images were recovered
   * @param verdicts how many pairs got each verdict
   * @param findings the wrong ones, the earliest and smallest first
   * @param recoveries each distinct image's recovery, for further sweeps
   */
  public record Result(
      int images,
      int distinct,
      Map<CrashCheck.Verdict, Integer> verdicts,
      List<Finding> findings,
      Map<DiskImage, TxRun.Recovery> recoveries) {

    /** Returns the first finding with one of these verdicts, or {@code null}. */
    public Finding first(CrashCheck.Verdict... wanted) {
      for (Finding f : findings) {
        for (CrashCheck.Verdict v : wanted) {
          if (f.verdict() == v) {
            return f;
          }
        }
      }
      return null;
    }

    /** Returns how many pairs got a verdict. */
    public int count(CrashCheck.Verdict v) {
      return verdicts.getOrDefault(v, 0);
    }
  }

  private CrashSweep() {}

  /**
   * Sweeps a run.
   *
   * @param trace the run
   * @param states the state after each commit (index 0: before any)
   * @param where which crash points to judge
   * @param kinds which images to judge
   * @param r recovers images
   * @return what it found
   */
  public static Result sweep(
      Trace trace,
      List<Map<String, String>> states,
      Predicate<CrashCheck.Point> where,
      Predicate<CrashImages.Image> kinds,
      Recoverer r) {
    List<CrashCheck.Point> points = CrashCheck.points(trace);
    List<CrashImages.Image> images = new ArrayList<>();
    for (CrashImages.Image i : CrashImages.of(trace)) {
      if (where.test(points.get(i.after())) && kinds.test(i)) {
        images.add(i);
      }
    }
    Map<DiskImage, TxRun.Recovery> recovered = recoverAll(images, r);
    return judge(images, points, states, recovered);
  }

  private static Map<DiskImage, TxRun.Recovery> recoverAll(
      List<CrashImages.Image> images, Recoverer r) {
    LinkedHashMap<DiskImage, TxRun.Recovery> recovered = new LinkedHashMap<>();
    images.forEach(i -> recovered.put(i.disk(), null));
    List<DiskImage> distinct = List.copyOf(recovered.keySet());
    List<TxRun.Recovery> results = r.recover(distinct);
    for (int k = 0; k < distinct.size(); k++) {
      recovered.put(distinct.get(k), results.get(k));
    }
    return recovered;
  }

  private static Result judge(
      List<CrashImages.Image> images,
      List<CrashCheck.Point> points,
      List<Map<String, String>> states,
      Map<DiskImage, TxRun.Recovery> recovered) {
    Map<CrashCheck.Verdict, Integer> counts = new EnumMap<>(CrashCheck.Verdict.class);
    List<Finding> findings = new ArrayList<>();
    for (CrashImages.Image i : images) {
      CrashCheck.Point p = points.get(i.after());
      TxRun.Recovery rec = recovered.get(i.disk());
      CrashCheck.Verdict v = CrashCheck.judge(rec.state(), states, p);
      counts.merge(v, 1, Integer::sum);
      if (v != CrashCheck.Verdict.OK) {
        findings.add(
            new Finding(v, p, i, rec, CrashCheck.explain(p, i, rec.state(), rec.error(), states)));
      }
    }
    findings.sort(
        Comparator.comparingInt((Finding f) -> f.point().after())
            .thenComparingLong(f -> f.image().disk().totalBytes()));
    return new Result(images.size(), recovered.size(), counts, findings, recovered);
  }

  /**
   * A recovery that did not hold up: a second recovery of what it left gave another state, or a
   * crash during it left a disk that recovers wrongly.
   *
   * @param first the first recovery's image and point
   * @param what what went wrong, in a student's words
   */
  public record Relapse(Finding first, String what) {}

  /**
   * Checks that recovery holds up: recovering what a recovery left gives the same state, and a
   * crash at any point of a recovery (one level deep) still recovers correctly. Only recoveries
   * that were right in the first place are checked.
   *
   * @param trace the run
   * @param states the state after each commit
   * @param first a sweep of the run
   * @param limit the most first-level recoveries to crash
   * @param r recovers images
   * @return the relapses, earliest first; empty if none
   */
  public static List<Relapse> relapses(
      Trace trace, List<Map<String, String>> states, Result first, int limit, Recoverer r) {
    List<CrashCheck.Point> points = CrashCheck.points(trace);
    Map<DiskImage, CrashCheck.Point> pointOf = new LinkedHashMap<>();
    Map<DiskImage, CrashImages.Image> imageOf = new LinkedHashMap<>();
    for (CrashImages.Image i : CrashImages.of(trace)) {
      TxRun.Recovery rec = first.recoveries().get(i.disk());
      if (rec != null
          && CrashCheck.judge(rec.state(), states, points.get(i.after())) == CrashCheck.Verdict.OK
          && !pointOf.containsKey(i.disk())) {
        pointOf.put(i.disk(), points.get(i.after()));
        imageOf.put(i.disk(), i);
      }
    }
    // Recovering again what each recovery left, as the process saw it.
    List<DiskImage> firsts = new ArrayList<>(pointOf.keySet());
    List<DiskImage> lefts = new ArrayList<>();
    for (DiskImage d : firsts) {
      lefts.add(first.recoveries().get(d).trace().end());
    }
    List<TxRun.Recovery> again = r.recover(lefts);
    List<Relapse> out = new ArrayList<>();
    for (int k = 0; k < firsts.size(); k++) {
      TxRun.Recovery one = first.recoveries().get(firsts.get(k));
      if (!Objects.equals(one.state(), again.get(k).state())) {
        CrashImages.Image i = imageOf.get(firsts.get(k));
        CrashCheck.Point p = pointOf.get(firsts.get(k));
        out.add(
            new Relapse(
                new Finding(CrashCheck.Verdict.OK, p, i, one, ""),
                "after "
                    + p.describe()
                    + " — "
                    + i.what()
                    + " — recover() gave "
                    + States.show(one.state())
                    + ", but recovering again what it left gave "
                    + (again.get(k).state() == null
                        ? "an error: " + again.get(k).error()
                        : States.show(again.get(k).state()))));
      }
    }
    // Crashing each recovery that writes, one level deep.
    List<CrashImages.Image> deep = new ArrayList<>();
    List<DiskImage> deepOf = new ArrayList<>();
    int crashed = 0;
    for (DiskImage d : firsts) {
      Trace rt = first.recoveries().get(d).trace();
      if (rt.calls() == 0 || rt.ops().stream().noneMatch(CrashSweep::writes)) {
        continue;
      }
      if (crashed++ >= limit) {
        break;
      }
      for (CrashImages.Image i : CrashImages.of(rt)) {
        deep.add(i);
        deepOf.add(d);
      }
    }
    Map<DiskImage, TxRun.Recovery> deepRecovered = recoverAll(deep, r);
    for (int k = 0; k < deep.size(); k++) {
      CrashCheck.Point p = pointOf.get(deepOf.get(k));
      TxRun.Recovery rec = deepRecovered.get(deep.get(k).disk());
      if (CrashCheck.judge(rec.state(), states, p) != CrashCheck.Verdict.OK) {
        CrashImages.Image i = imageOf.get(deepOf.get(k));
        out.add(
            new Relapse(
                new Finding(CrashCheck.Verdict.OK, p, i, first.recoveries().get(deepOf.get(k)), ""),
                "after "
                    + p.describe()
                    + " — "
                    + i.what()
                    + " — recover() itself crashed after its disk call "
                    + deep.get(k).after()
                    + " ("
                    + deep.get(k).what()
                    + "), and the next recover() "
                    + (rec.state() == null
                        ? "threw " + rec.error()
                        : "gave " + States.show(rec.state()))));
        break;
      }
    }
    return out;
  }

  private static boolean writes(Op op) {
    return switch (op.kind()) {
      case APPEND, TRUNCATE, RENAME, DELETE -> true;
      case OPEN -> op.size() == 1;
      default -> false;
    };
  }
}
