package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Judges what a store recovered from a crash image against what the run had promised by then: every
 * transaction whose commit returned, each whole, and nothing of a transaction whose commit never
 * began.
 */
public final class CrashCheck {

  /** What a recovered state says about the store. */
  public enum Verdict {
    /** The state after every acknowledged commit, perhaps with the one under way. */
    OK,
    /** A commit that had returned is gone: a durability bug. */
    LOST,
    /** Not the state after any prefix of the commits: part of a transaction, or garbage. */
    TORN,
    /** {@code recover()} threw, or the store could not be opened. */
    THREW
  }

  /**
   * Where a crash image was taken, as the run's marks tell it.
   *
   * @param after how many ops had run
   * @param acked how many commits had returned
   * @param started how many commits had begun (acked, or acked + 1 while one is under way)
   * @param inCheckpoint whether a {@code checkpoint()} was under way
   * @param checkpoints how many checkpoints had returned
   * @param lastCall the last disk call before the crash, described, or {@code ""}
   */
  public record Point(
      int after, int acked, int started, boolean inCheckpoint, int checkpoints, String lastCall) {

    /** Describes the moment for a student. */
    public String describe() {
      String when =
          lastCall.isEmpty() ? "before the store's first disk call" : "right after " + lastCall;
      String commits = acked == 0 ? "no commit had returned" : "commit " + acked + " had returned";
      if (started > acked) {
        commits += ", commit " + started + " was under way";
      }
      if (inCheckpoint) {
        commits += ", checkpoint() was under way";
      }
      return when + ", when " + commits;
    }
  }

  private CrashCheck() {}

  /**
   * Returns the point after each number of ops of a trace, from 0 to all of them.
   *
   * @param trace the run
   * @return {@code points.get(k)} is the point after k ops
   */
  public static List<Point> points(Trace trace) {
    List<Point> points = new ArrayList<>();
    List<String> names = trace.fileNames();
    int acked = 0;
    int started = 0;
    int checkpoints = 0;
    boolean inCheckpoint = false;
    String last = "";
    int calls = 0;
    points.add(new Point(0, 0, 0, false, 0, ""));
    for (int k = 0; k < trace.ops().size(); k++) {
      Op op = trace.ops().get(k);
      if (op.kind() == Op.Kind.MARK) {
        String m = op.name();
        if (m.startsWith(TxRun.COMMIT)) {
          started = Integer.parseInt(m.substring(TxRun.COMMIT.length()));
        } else if (m.startsWith(TxRun.ACK)) {
          acked = Integer.parseInt(m.substring(TxRun.ACK.length()));
        } else if (m.equals(TxRun.CHECKPOINT)) {
          inCheckpoint = true;
        } else if (m.equals(TxRun.CHECKPOINTED)) {
          inCheckpoint = false;
          checkpoints++;
        }
      } else if (op.isCall()) {
        calls++;
        last = "disk call " + calls + " (" + op.describe(names.get(k)) + ")";
      }
      points.add(new Point(k + 1, acked, started, inCheckpoint, checkpoints, last));
    }
    return points;
  }

  /**
   * Judges a recovered state.
   *
   * @param recovered the state, or {@code null} if recovery threw
   * @param states the state after each commit (index 0: before any)
   * @param p where the crash was
   * @return the verdict
   */
  public static Verdict judge(
      Map<String, String> recovered, List<Map<String, String>> states, Point p) {
    if (recovered == null) {
      return Verdict.THREW;
    }
    for (int j = p.acked(); j <= Math.min(p.started(), states.size() - 1); j++) {
      if (states.get(j).equals(recovered)) {
        return Verdict.OK;
      }
    }
    for (int j = 0; j < p.acked() && j < states.size(); j++) {
      if (states.get(j).equals(recovered)) {
        return Verdict.LOST;
      }
    }
    return Verdict.TORN;
  }

  /**
   * Explains a wrong recovery in a student's words: where, what the crash left, what came back and
   * what was expected (only the keys that differ).
   *
   * @param p where
   * @param image what the crash left
   * @param recovered what {@code recover()} gave, or {@code null}
   * @param error what it threw, if it did
   * @param states the state after each commit
   * @return the explanation
   */
  public static String explain(
      Point p,
      CrashImages.Image image,
      Map<String, String> recovered,
      String error,
      List<Map<String, String>> states) {
    StringBuilder s =
        new StringBuilder("a crash ")
            .append(p.describe())
            .append(" — ")
            .append(image.what())
            .append(" — ");
    if (recovered == null) {
      return s.append("then recover() threw ").append(error).toString();
    }
    int a = Math.min(p.acked(), states.size() - 1);
    int c = Math.min(p.started(), states.size() - 1);
    for (int j = 0; j < a; j++) {
      if (states.get(j).equals(recovered)) {
        return s.append("then recover() gave the store as it was ")
            .append(after(j))
            .append(", but commit ")
            .append(a)
            .append(" had returned: ")
            .append(diff(recovered, states.get(a)))
            .toString();
      }
    }
    s.append("then recover() gave a store that is no sequence of whole commits: against the store ")
        .append(after(a))
        .append(", ")
        .append(diff(recovered, states.get(a)));
    if (c > a) {
      s.append("; against the store ")
          .append(after(c))
          .append(", ")
          .append(diff(recovered, states.get(c)));
    }
    return s.toString();
  }

  private static String after(int commit) {
    return commit == 0 ? "before any commit" : "after commit " + commit;
  }

  /** Lists how a state differs from an expected one, at most three keys. */
  private static String diff(Map<String, String> got, Map<String, String> want) {
    TreeSet<String> keys = new TreeSet<>(want.keySet());
    keys.addAll(got.keySet());
    List<String> diffs = new ArrayList<>();
    for (String k : keys) {
      if (!Objects.equals(want.get(k), got.get(k))) {
        diffs.add(k + " is " + show(got.get(k)) + " instead of " + show(want.get(k)));
      }
    }
    if (diffs.size() > 3) {
      int more = diffs.size() - 3;
      diffs = new ArrayList<>(diffs.subList(0, 3));
      diffs.add("and " + more + " more keys differ");
    }
    return String.join(", ", diffs);
  }

  private static String show(String v) {
    if (v == null) {
      return "absent";
    }
    String t = v.replace("\n", "\\n").replace("\t", "\\t");
    return "\"" + (t.length() > 30 ? t.substring(0, 29) + "…" : t) + "\"";
  }
}
