package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.List;

/**
 * A recorded run: the image it started from and every op, in order.
 *
 * @param start the disk before the run
 * @param ops the ops
 */
public record Trace(DiskImage start, List<Op> ops) {

  /** Returns the trace as one token without spaces (see {@link #decode}). */
  public String encode() {
    StringBuilder s = new StringBuilder(start.encode()).append(';');
    for (int i = 0; i < ops.size(); i++) {
      s.append(i == 0 ? "" : ",").append(ops.get(i).encode());
    }
    return s.toString();
  }

  /**
   * Reads a trace that {@link #encode} wrote.
   *
   * @param token the encoded trace
   * @return the trace
   * @throws IllegalArgumentException if it is not one
   */
  public static Trace decode(String token) {
    int semi = token.indexOf(';');
    if (semi < 0) {
      throw new IllegalArgumentException("not a recorded trace");
    }
    List<Op> ops = new ArrayList<>();
    String rest = token.substring(semi + 1);
    if (!rest.isEmpty()) {
      for (String op : rest.split(",")) {
        ops.add(Op.decode(op));
      }
    }
    return new Trace(DiskImage.decode(token.substring(0, semi)), List.copyOf(ops));
  }

  /** Returns how many of its ops are disk calls of the store. */
  public long calls() {
    return ops.stream().filter(Op::isCall).count();
  }

  /** Returns how many {@code force} calls it made. */
  public long forces() {
    return ops.stream().filter(o -> o.kind() == Op.Kind.FORCE).count();
  }

  /** Returns how many {@code syncDir} calls it made. */
  public long dirSyncs() {
    return ops.stream().filter(o -> o.kind() == Op.Kind.SYNC_DIR).count();
  }

  /** Returns the disk after all its ops, as the process sees it. */
  public DiskImage end() {
    DiskModel m = DiskModel.of(start);
    ops.forEach(m::apply);
    return m.visible();
  }

  /** Returns the file names the ops' file numbers had when each op ran (for descriptions). */
  List<String> fileNames() {
    DiskModel m = DiskModel.of(start);
    List<String> names = new ArrayList<>();
    for (Op op : ops) {
      m.apply(op);
      String name = op.name();
      if (op.file() >= 0) {
        for (var e : m.names.entrySet()) {
          if (e.getValue() == op.file()) {
            name = e.getKey();
          }
        }
      }
      names.add(name);
    }
    return names;
  }
}
