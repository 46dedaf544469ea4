package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The disks a crash could leave at each point of a recorded run, by the {@link
 * org.txlab.txlog.Disk} contract: a model of power loss in the spirit of ALICE's and SQLite's crash
 * tests. Every image is a state a real Linux machine can be left in; the run's own order decides
 * nothing else.
 */
public final class CrashImages {
  /** The sector size a torn write is cut at, as SQLite's crash tests assume. */
  public static final int SECTOR = 512;

  /** How the disk was left. */
  public enum Kind {
    /** Only the process died: everything written is there. */
    PROCESS,
    /** Power loss: everything not forced is gone. */
    DROPPED,
    /** Power loss: a file's unforced bytes are cut short. */
    CUT,
    /** Power loss: a file's last unforced bytes read as zeros. */
    ZEROS,
    /** Power loss: a file's last unforced bytes read as garbage. */
    GARBAGE,
    /** Power loss: a later unforced append landed, an earlier one is torn. */
    REORDERED,
    /** Power loss: creates, renames and deletes since the last syncDir are undone. */
    NAMES
  }

  /**
   * One disk a crash could leave.
   *
   * @param kind how
   * @param after how many ops of the trace had run
   * @param what the loss, in a student's words
   * @param disk the files
   */
  public record Image(Kind kind, int after, String what, DiskImage disk) {}

  private CrashImages() {}

  /**
   * Returns every image at every point of a trace: before its first op and after each.
   *
   * @param trace the run
   * @return the images, point by point
   */
  public static List<Image> of(Trace trace) {
    List<Image> out = new ArrayList<>();
    DiskModel m = DiskModel.of(trace.start());
    out.addAll(at(m, 0));
    for (int k = 0; k < trace.ops().size(); k++) {
      m.apply(trace.ops().get(k));
      out.addAll(at(m, k + 1));
    }
    return out;
  }

  /** Returns the images of the model as it is, labelled as after {@code after} ops. */
  static List<Image> at(DiskModel m, int after) {
    List<Image> out = new ArrayList<>();
    out.add(new Image(Kind.PROCESS, after, "only the process died", m.visible()));
    boolean unsynced = false;
    for (Map.Entry<String, Integer> e : m.names.entrySet()) {
      unsynced |= m.inodes.get(e.getValue()).unsynced();
    }
    if (unsynced) {
      out.add(
          new Image(
              Kind.DROPPED,
              after,
              "power loss: every byte written since its file's last force is gone",
              m.image(m.names, true)));
    }
    for (Map.Entry<String, Integer> e : m.names.entrySet()) {
      DiskModel.Inode inode = m.inodes.get(e.getValue());
      if (inode.unsynced()) {
        torn(m, e.getKey(), inode, after, out);
      }
    }
    if (!m.names.equals(m.durableNames)) {
      String undone = undone(m);
      out.add(
          new Image(
              Kind.NAMES,
              after,
              "power loss before syncDir: " + undone,
              m.image(m.durableNames, false)));
      out.add(
          new Image(
              Kind.NAMES,
              after,
              "power loss before syncDir and before force: "
                  + undone
                  + ", and every unforced byte is gone",
              m.image(m.durableNames, true)));
    }
    return out;
  }

  /**
   * Draws what a crash image kept of each file, one line per file: the bytes forced before the
   * crash ({@code =}), the bytes written but not forced ({@code +} if the image kept them, {@code
   * .} if it lost them), and the bytes it kept but changed ({@code x}: zeros or garbage).
   *
   * @param trace the run the image comes from
   * @param image the image
   * @return the picture, one line per file, at most 40 characters of bar each
   */
  public static String picture(Trace trace, Image image) {
    DiskModel m = DiskModel.of(trace.start());
    for (int k = 0; k < image.after(); k++) {
      m.apply(trace.ops().get(k));
    }
    TreeSet<String> names = new TreeSet<>(m.names.keySet());
    names.addAll(image.disk().names());
    int width = names.stream().mapToInt(String::length).max().orElse(4);
    StringBuilder s = new StringBuilder();
    for (String n : names) {
      Integer i = m.names.get(n);
      byte[] written = i == null ? new byte[0] : m.inodes.get(i).current;
      byte[] forced = i == null ? new byte[0] : m.inodes.get(i).synced;
      byte[] kept = image.disk().bytes(n);
      int p = commonPrefix(written, forced);
      int len = Math.max(written.length, kept == null ? 0 : kept.length);
      StringBuilder bar = new StringBuilder();
      int cells = Math.min(40, Math.max(1, len));
      for (int c = 0; c < cells && len > 0; c++) {
        int at = (int) ((long) c * len / cells);
        char ch;
        if (kept == null || at >= kept.length) {
          ch = at < p ? '-' : '.';
        } else if (at < written.length && kept[at] != written[at]) {
          ch = 'x';
        } else {
          ch = at < p ? '=' : '+';
        }
        bar.append(ch);
      }
      s.append(String.format("%-" + width + "s [%s] ", n, bar));
      s.append("written ").append(written.length).append(" B, forced ").append(p).append(" B, ");
      s.append(kept == null ? "gone after the crash" : "after the crash " + kept.length + " B");
      if (i == null) {
        s.append(" (a name the process had removed)");
      }
      s.append('\n');
    }
    return s.toString().stripTrailing();
  }

  private static void torn(
      DiskModel m, String name, DiskModel.Inode inode, int after, List<Image> out) {
    byte[] cur = inode.current;
    int p = commonPrefix(cur, inode.synced);
    if (p >= cur.length) {
      return;
    }
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int s = (p / SECTOR + 1) * SECTOR; s < cur.length; s += SECTOR) {
      cuts.add(s);
    }
    for (long[] a : inode.pending) {
      for (long c : new long[] {a[0] - 1, a[0], a[0] + 1, a[0] + a[1] - 1}) {
        cuts.add((int) c);
      }
    }
    cuts.add(p);
    for (int c : cuts) {
      if (c >= p && c < cur.length) {
        out.add(
            new Image(
                Kind.CUT,
                after,
                name
                    + " kept "
                    + c
                    + " of its "
                    + cur.length
                    + " bytes: the last "
                    + (cur.length - c)
                    + " unforced bytes are lost",
                with(m, name, Arrays.copyOf(cur, c))));
      }
    }
    int lastStart =
        inode.pending.isEmpty() ? p : (int) inode.pending.get(inode.pending.size() - 1)[0];
    int tail = Math.max(p, lastStart);
    out.add(
        new Image(
            Kind.ZEROS,
            after,
            name + "'s last " + (cur.length - tail) + " unforced bytes read as zeros",
            with(m, name, fill(cur, tail, cur.length, false))));
    out.add(
        new Image(
            Kind.GARBAGE,
            after,
            name + "'s last " + (cur.length - tail) + " unforced bytes read as garbage",
            with(m, name, fill(cur, tail, cur.length, true))));
    // The last append torn half-way (its first part landed, its end did not): a header or count
    // that landed must not make a torn end look whole.
    int half = tail + (cur.length - tail) / 2;
    if (half > tail) {
      for (boolean garbage : new boolean[] {false, true}) {
        out.add(
            new Image(
                garbage ? Kind.GARBAGE : Kind.ZEROS,
                after,
                name
                    + "'s last "
                    + (cur.length - half)
                    + " unforced bytes read as "
                    + (garbage ? "garbage" : "zeros")
                    + " (the last append landed half-way)",
                with(m, name, fill(cur, half, cur.length, garbage))));
      }
    }
    if (tail > p) {
      out.add(
          new Image(
              Kind.ZEROS,
              after,
              name + "'s " + (cur.length - p) + " unforced bytes read as zeros",
              with(m, name, fill(cur, p, cur.length, false))));
    }
    for (int j = 0; j + 1 < inode.pending.size(); j++) {
      long[] a = inode.pending.get(j);
      int from = (int) Math.max(a[0], p);
      int to = (int) Math.min(a[0] + a[1], cur.length);
      if (from >= to) {
        continue;
      }
      // The whole append torn, or only its second half (an append lands in pieces, as ALICE
      // splits it): a header that survived must not make a torn body look whole.
      int mid = from + (to - from) / 2;
      for (boolean garbage : new boolean[] {true, false}) {
        out.add(
            new Image(
                Kind.REORDERED,
                after,
                name
                    + ": the append of "
                    + a[1]
                    + " bytes at "
                    + a[0]
                    + " is torn ("
                    + (garbage ? "garbage" : "zeros")
                    + ") while the later appends landed whole",
                with(m, name, fill(cur, from, to, garbage))));
        if (mid > from) {
          out.add(
              new Image(
                  Kind.REORDERED,
                  after,
                  name
                      + ": the last "
                      + (to - mid)
                      + " bytes of the append of "
                      + a[1]
                      + " bytes at "
                      + a[0]
                      + " are torn ("
                      + (garbage ? "garbage" : "zeros")
                      + ") while the later appends landed whole",
                  with(m, name, fill(cur, mid, to, garbage))));
        }
      }
    }
  }

  private static String undone(DiskModel m) {
    List<String> parts = new ArrayList<>();
    for (String n : m.names.keySet()) {
      Integer was = m.durableNames.get(n);
      if (was == null) {
        parts.add(n + " is missing");
      } else if (!was.equals(m.names.get(n))) {
        parts.add(n + " is the old file again");
      }
    }
    for (String n : m.durableNames.keySet()) {
      if (!m.names.containsKey(n)) {
        parts.add(n + " is back");
      }
    }
    return String.join(", ", parts);
  }

  private static DiskImage with(DiskModel m, String name, byte[] bytes) {
    Map<String, byte[]> files = new TreeMap<>();
    m.names.forEach((n, i) -> files.put(n, n.equals(name) ? bytes : m.inodes.get(i).current));
    return DiskImage.of(files);
  }

  private static byte[] fill(byte[] b, int from, int to, boolean garbage) {
    byte[] c = b.clone();
    for (int i = from; i < to; i++) {
      // A fixed pattern, so the same code always meets the same garbage. Every garbage byte has
      // its high bit set: a length read from garbage is negative, and fails at once instead of
      // asking for gigabytes (which would end the grader's JVM, not just one recovery).
      c[i] = garbage ? (byte) (0x80 | ((0x25 ^ (i * 151)) & 0x7F)) : 0;
    }
    return c;
  }

  private static int commonPrefix(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    int i = Arrays.mismatch(a, b);
    return i < 0 ? n : Math.min(i, n);
  }
}
