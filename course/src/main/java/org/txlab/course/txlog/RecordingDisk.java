package org.txlab.course.txlog;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.txlab.txlog.Disk;
import org.txlab.txlog.LogFile;

/**
 * A disk in memory that records every call, so that {@link CrashImages} can build what a crash at
 * any point of the run could have left. It behaves like a real disk while the process lives. Not
 * thread-safe: one store uses it at a time.
 */
public final class RecordingDisk implements Disk {
  private final DiskImage start;
  private final DiskModel model;
  private final List<Op> trace = new ArrayList<>();
  private final int maxOps;

  private RecordingDisk(DiskImage start, int maxOps) {
    this.start = start;
    this.model = DiskModel.of(start);
    this.maxOps = maxOps;
  }

  /** Returns an empty disk. */
  public static RecordingDisk empty() {
    return of(DiskImage.empty());
  }

  /**
   * Returns a disk that holds an image, all of it durable.
   *
   * @param image the files
   * @return the disk
   */
  public static RecordingDisk of(DiskImage image) {
    return new RecordingDisk(image, 100_000);
  }

  /**
   * Returns a disk that fails once a run makes more than {@code maxOps} calls (a store that loops).
   *
   * @param image the files
   * @param maxOps the most calls it records
   * @return the disk
   */
  public static RecordingDisk of(DiskImage image, int maxOps) {
    return new RecordingDisk(image, maxOps);
  }

  /** Returns the image the run started from. */
  public DiskImage start() {
    return start;
  }

  /** Returns what the process sees now. */
  public DiskImage visible() {
    return model.visible();
  }

  /** Returns the ops so far (a copy). */
  public Trace trace() {
    return new Trace(start, List.copyOf(trace));
  }

  /** Records a mark of the harness between calls, e.g. {@code ack 3}. */
  public synchronized void mark(String label) {
    trace.add(Op.mark(label));
  }

  /** Lets the operating system write everything back, as after a long quiet time. */
  public void settle() {
    record(new Op(Op.Kind.SETTLE, -1, "", "", new byte[0], -1));
  }

  private synchronized void record(Op op) {
    if (trace.size() >= maxOps) {
      throw new IllegalStateException(
          "[TOO_MANY_OPS] the store made more than " + maxOps + " disk calls in one run");
    }
    trace.add(op);
    model.apply(op);
  }

  @Override
  public LogFile open(String name) throws IOException {
    Names.check(name);
    Integer known = model.names.get(name);
    int inode = known != null ? known : model.inodes.size();
    record(new Op(Op.Kind.OPEN, inode, name, "", new byte[0], known != null ? 0 : 1));
    return new File(inode);
  }

  @Override
  public boolean exists(String name) {
    return model.names.containsKey(name);
  }

  @Override
  public List<String> list() {
    return List.copyOf(model.names.keySet());
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Names.check(to);
    if (!model.names.containsKey(from)) {
      throw new NoSuchFileException(from, to, "no such file to rename");
    }
    record(new Op(Op.Kind.RENAME, model.names.get(from), from, to, new byte[0], -1));
  }

  @Override
  public void delete(String name) {
    Names.check(name);
    record(new Op(Op.Kind.DELETE, model.names.getOrDefault(name, -1), name, "", new byte[0], -1));
  }

  @Override
  public void syncDir() {
    record(new Op(Op.Kind.SYNC_DIR, -1, "", "", new byte[0], -1));
  }

  /** A file of this disk: its inode, whatever its name. */
  private final class File implements LogFile {
    private final int inode;

    File(int inode) {
      this.inode = inode;
    }

    private byte[] bytes() {
      return model.inodes.get(inode).current;
    }

    @Override
    public long size() {
      return bytes().length;
    }

    @Override
    public byte[] read(long position, int length) {
      byte[] b = bytes();
      if (position < 0 || length < 0) {
        throw new IllegalArgumentException("read(" + position + ", " + length + ")");
      }
      int from = (int) Math.min(position, b.length);
      return Arrays.copyOfRange(b, from, (int) Math.min(b.length, (long) from + length));
    }

    @Override
    public byte[] readAll() {
      return bytes().clone();
    }

    @Override
    public void append(byte[] data) {
      record(new Op(Op.Kind.APPEND, inode, "", "", data.clone(), -1));
    }

    @Override
    public void truncate(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("truncate(" + size + ")");
      }
      record(new Op(Op.Kind.TRUNCATE, inode, "", "", new byte[0], size));
    }

    @Override
    public void force() {
      record(new Op(Op.Kind.FORCE, inode, "", "", new byte[0], -1));
    }
  }
}
