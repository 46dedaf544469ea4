package org.txlab.course.txlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a disk holds at one moment: each file's name and bytes. Equal images hold equal bytes under
 * equal names.
 */
public final class DiskImage {
  private static final DiskImage EMPTY = new DiskImage(new TreeMap<>());
  private final TreeMap<String, byte[]> files;
  private final String key;

  private DiskImage(TreeMap<String, byte[]> files) {
    this.files = files;
    List<String> parts = new ArrayList<>();
    Base64.Encoder b = Base64.getEncoder();
    files.forEach(
        (n, bytes) ->
            parts.add(
                b.encodeToString(n.getBytes(StandardCharsets.UTF_8))
                    + ":"
                    + b.encodeToString(bytes)));
    this.key = String.join(",", parts);
  }

  /** Returns an image with no files. */
  public static DiskImage empty() {
    return EMPTY;
  }

  /**
   * Returns an image of the given files.
   *
   * @param files names and bytes (copied)
   * @return the image
   */
  public static DiskImage of(Map<String, byte[]> files) {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((n, b) -> copy.put(n, b.clone()));
    return new DiskImage(copy);
  }

  /** Returns the file names, sorted. */
  public List<String> names() {
    return List.copyOf(files.keySet());
  }

  /** Returns a file's bytes (a copy), or {@code null} if there is no such file. */
  public byte[] bytes(String name) {
    byte[] b = files.get(name);
    return b == null ? null : b.clone();
  }

  /** Returns the total size of its files. */
  public long totalBytes() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }

  /** Returns the files (unmodifiable; do not change the arrays). */
  Map<String, byte[]> files() {
    return Collections.unmodifiableMap(files);
  }

  /** Returns the image as one token without spaces (see {@link #decode}). */
  public String encode() {
    return key;
  }

  /**
   * Reads an image that {@link #encode} wrote.
   *
   * @param token the encoded image
   * @return the image
   */
  public static DiskImage decode(String token) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    if (!token.isEmpty()) {
      Base64.Decoder b = Base64.getDecoder();
      for (String part : token.split(",")) {
        int colon = part.indexOf(':');
        files.put(
            new String(b.decode(part.substring(0, colon)), StandardCharsets.UTF_8),
            b.decode(part.substring(colon + 1)));
      }
    }
    return new DiskImage(files);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiskImage d && d.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    files.forEach(
        (n, b) ->
            s.append(s.length() == 0 ? "" : ", ")
                .append(n)
                .append(" (")
                .append(b.length)
                .append(" bytes)"));
    return s.length() == 0 ? "(no files)" : s.toString();
  }

  static boolean same(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }
}
