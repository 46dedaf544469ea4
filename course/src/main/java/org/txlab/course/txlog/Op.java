package org.txlab.course.txlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One recorded step of a run on a {@link RecordingDisk}: a {@link org.txlab.txlog.Disk} call, or a
 * mark the harness set between them (a commit began, a commit returned, the OS wrote everything).
 *
 * @param kind what happened
 * @param file the file's identity (a number that follows it through renames), or -1
 * @param name the file name, the rename's source, or the mark's text; {@code ""} if none
 * @param target the rename's target; {@code ""} if none
 * @param bytes the appended bytes; empty if none
 * @param size the truncate's size, or -1
 */
public record Op(Kind kind, int file, String name, String target, byte[] bytes, long size) {

  /** What an op did. */
  public enum Kind {
    /** Opened a file; {@code size} is 1 if this created it. */
    OPEN,
    /** Appended {@code bytes}. */
    APPEND,
    /** Truncated to {@code size}. */
    TRUNCATE,
    /** Forced the file. */
    FORCE,
    /** Renamed {@code name} to {@code target}. */
    RENAME,
    /** Deleted {@code name}. */
    DELETE,
    /** Synced the folder. */
    SYNC_DIR,
    /** A mark of the harness, not a disk call. */
    MARK,
    /** The operating system wrote everything back (a long quiet time). */
    SETTLE
  }

  static Op mark(String label) {
    return new Op(Kind.MARK, -1, label, "", new byte[0], -1);
  }

  /** Tells whether this is a call the store made (not a mark or a settle). */
  public boolean isCall() {
    return kind != Kind.MARK && kind != Kind.SETTLE;
  }

  /** Returns the op as one token without spaces or commas. */
  String encode() {
    Base64.Encoder b = Base64.getEncoder();
    return kind.ordinal()
        + ":"
        + file
        + ":"
        + b.encodeToString(name.getBytes(StandardCharsets.UTF_8))
        + ":"
        + b.encodeToString(target.getBytes(StandardCharsets.UTF_8))
        + ":"
        + b.encodeToString(bytes)
        + ":"
        + size;
  }

  static Op decode(String token) {
    String[] f = token.split(":", -1);
    if (f.length != 6) {
      throw new IllegalArgumentException("not a recorded op: " + token);
    }
    Base64.Decoder b = Base64.getDecoder();
    return new Op(
        Kind.values()[Integer.parseInt(f[0])],
        Integer.parseInt(f[1]),
        new String(b.decode(f[2]), StandardCharsets.UTF_8),
        new String(b.decode(f[3]), StandardCharsets.UTF_8),
        b.decode(f[4]),
        Long.parseLong(f[5]));
  }

  /** Describes the op for a student, e.g. {@code append 23 bytes to log}. */
  public String describe(String fileName) {
    return switch (kind) {
      case OPEN -> (size == 1 ? "create " : "open ") + name;
      case APPEND -> "append " + bytes.length + " bytes to " + fileName;
      case TRUNCATE -> "truncate " + fileName + " to " + size + " bytes";
      case FORCE -> "force " + fileName;
      case RENAME -> "rename " + name + " to " + target;
      case DELETE -> "delete " + name;
      case SYNC_DIR -> "syncDir";
      case MARK -> name;
      case SETTLE -> "(the OS wrote everything back)";
    };
  }
}
