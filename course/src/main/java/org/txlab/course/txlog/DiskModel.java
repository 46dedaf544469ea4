package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A disk as the crash model sees it: files (inodes) with what this process sees and what is
 * durable, and the folder's names as they are and as they were at the last {@code syncDir}.
 */
final class DiskModel {
  /** One file, whatever its names. */
  static final class Inode {
    byte[] current = new byte[0];
    byte[] synced = new byte[0];

    /** Start offsets of the appends since the last force, in order, each with its length. */
    final List<long[]> pending = new ArrayList<>();

    Inode copy() {
      Inode i = new Inode();
      i.current = current;
      i.synced = synced;
      pending.forEach(p -> i.pending.add(p.clone()));
      return i;
    }

    boolean unsynced() {
      return !Arrays.equals(current, synced);
    }
  }

  final List<Inode> inodes = new ArrayList<>();
  final TreeMap<String, Integer> names = new TreeMap<>();
  final TreeMap<String, Integer> durableNames = new TreeMap<>();

  /** A model of a disk that holds an image, all of it durable. */
  static DiskModel of(DiskImage image) {
    DiskModel m = new DiskModel();
    image
        .files()
        .forEach(
            (n, b) -> {
              Inode i = new Inode();
              i.current = b.clone();
              i.synced = i.current;
              m.inodes.add(i);
              m.names.put(n, m.inodes.size() - 1);
              m.durableNames.put(n, m.inodes.size() - 1);
            });
    return m;
  }

  DiskModel copy() {
    DiskModel m = new DiskModel();
    inodes.forEach(i -> m.inodes.add(i.copy()));
    m.names.putAll(names);
    m.durableNames.putAll(durableNames);
    return m;
  }

  void apply(Op op) {
    switch (op.kind()) {
      case OPEN -> {
        if (!names.containsKey(op.name())) {
          while (inodes.size() <= op.file()) {
            inodes.add(new Inode());
          }
          names.put(op.name(), op.file());
        }
      }
      case APPEND -> {
        Inode i = inodes.get(op.file());
        byte[] c = Arrays.copyOf(i.current, i.current.length + op.bytes().length);
        System.arraycopy(op.bytes(), 0, c, i.current.length, op.bytes().length);
        i.pending.add(new long[] {i.current.length, op.bytes().length});
        i.current = c;
      }
      case TRUNCATE -> {
        Inode i = inodes.get(op.file());
        int size = (int) Math.min(op.size(), i.current.length);
        i.current = Arrays.copyOf(i.current, size);
        i.pending.removeIf(p -> p[0] >= size);
        i.pending.forEach(p -> p[1] = Math.min(p[1], size - p[0]));
      }
      case FORCE -> {
        Inode i = inodes.get(op.file());
        i.synced = i.current;
        i.pending.clear();
      }
      case RENAME -> {
        Integer i = names.remove(op.name());
        if (i != null) {
          names.put(op.target(), i);
        }
      }
      case DELETE -> names.remove(op.name());
      case SYNC_DIR -> {
        durableNames.clear();
        durableNames.putAll(names);
      }
      case SETTLE -> {
        inodes.forEach(
            i -> {
              i.synced = i.current;
              i.pending.clear();
            });
        durableNames.clear();
        durableNames.putAll(names);
      }
      case MARK -> {
        // Not a disk change.
      }
    }
  }

  /** Returns what this process sees now. */
  DiskImage visible() {
    return image(names, false);
  }

  /** Returns the files under some names, with what is visible or only what is durable. */
  DiskImage image(Map<String, Integer> under, boolean syncedOnly) {
    Map<String, byte[]> files = new TreeMap<>();
    under.forEach(
        (n, i) -> files.put(n, syncedOnly ? inodes.get(i).synced : inodes.get(i).current));
    return DiskImage.of(files);
  }
}
