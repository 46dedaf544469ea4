package org.txlab.exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.txlab.txlog.Disk;
import org.txlab.txlog.LogFile;
import org.txlab.txlog.Store;
import org.txlab.txlog.Transaction;

/**
 * Exercise txlog: a transactional key-value store over flat files, written the way a database does
 * it: a redo log, forced at every commit, replayed at start.
 *
 * <p>Rules of the exercise:
 *
 * <ul>
 *   <li>keep everything on the {@link Disk} the constructor receives, through its calls only;
 *   <li>when {@code commit()} returns, the transaction survives a crash at any later point; a crash
 *       at any earlier point leaves the whole transaction or none of it (a power loss may drop,
 *       cut, zero, garbage or reorder what was not forced: read {@link Disk});
 *   <li>{@code recover()} never throws on what a crash can leave, and recovering what it left gives
 *       the same state, even if it crashed while recovering;
 *   <li>{@code checkpoint()} makes the files smaller (the log must not grow for ever) and loses
 *       nothing committed, whatever point it crashes at.
 * </ul>
 */
public final class TxStore implements Store {
  private static final String LOG = "log";
  private static final String DATA = "data";
  private static final String DATA_NEXT = "data.next";

  private final Disk disk;

  private final Map<String, String> committed = new TreeMap<>();
  private LogFile log;


  /**
   * Creates the store; {@link #recover()} is called next.
   *
   * @param disk where everything is kept; never {@code null}
   */
  public TxStore(Disk disk) {
    this.disk = disk;
  }

  @Override
  public void recover() throws IOException {
    committed.clear();
    if (disk.exists(DATA)) {
      // Written whole and forced before it got its name, so it is never torn.
      replay(disk.open(DATA).readAll(), committed);
    }
    boolean created = !disk.exists(LOG);
    log = disk.open(LOG);
    byte[] bytes = log.readAll();
    int end = replay(bytes, committed);
    if (end < bytes.length) {
      // A torn tail: cut it, so that the next commit does not land behind garbage.
      log.truncate(end);
      log.force();
    }
    if (created) {
      disk.syncDir();
    }
  }

  @Override
  public Transaction begin() {
    return new Tx();
  }

  @Override
  public String get(String key) {
    return committed.get(key);
  }

  @Override
  public Map<String, String> snapshot() {
    return new TreeMap<>(committed);
  }

  @Override
  public void checkpoint() throws IOException {
    disk.delete(DATA_NEXT);
    LogFile next = disk.open(DATA_NEXT);
    next.append(frame(committed));
    next.force();
    disk.rename(DATA_NEXT, DATA);
    // Only now may the log go: everything in it is in the data file, durably, under its name.
    log.truncate(0);
    log.force();
  }

  /** A transaction: its writes wait in memory until commit writes them as one checksummed frame. */
  private final class Tx implements Transaction {
    private final Map<String, String> writes = new LinkedHashMap<>();

    @Override
    public String get(String key) {
      return writes.containsKey(key) ? writes.get(key) : committed.get(key);
    }

    @Override
    public void put(String key, String value) {
      if (key == null || key.isEmpty() || value == null) {
        throw new IllegalArgumentException("put needs a non-empty key and a value");
      }
      writes.put(key, value);
    }

    @Override
    public void commit() throws IOException {
      if (writes.isEmpty()) {
        return;
      }
      log.append(frame(writes));
      log.force();
      committed.putAll(writes);
    }
  }

  /** Frames key-value pairs: length, CRC-32 of the payload, payload (count, then each pair). */
  private static byte[] frame(Map<String, String> pairs) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    writeInt(payload, pairs.size());
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      writeString(payload, e.getKey());
      writeString(payload, e.getValue());
    }
    byte[] p = payload.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(p);
    ByteBuffer b = ByteBuffer.allocate(8 + p.length);
    b.putInt(p.length).putInt((int) crc.getValue()).put(p);
    return b.array();
  }

  /** Applies every whole frame, in order; returns where the first torn or missing one starts. */
  private static int replay(byte[] bytes, Map<String, String> into) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.remaining() >= 8) {
      int start = b.position();
      int length = b.getInt();
      int sum = b.getInt();
      if (length < 4 || length > b.remaining()) {
        return start;
      }
      byte[] p = new byte[length];
      b.get(p);
      CRC32 crc = new CRC32();
      crc.update(p);
      if ((int) crc.getValue() != sum) {
        return start;
      }
      ByteBuffer q = ByteBuffer.wrap(p);
      int count = q.getInt();
      Map<String, String> pairs = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        pairs.put(readString(q), readString(q));
      }
      into.putAll(pairs);
    }
    return b.position();
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
  }

  private static void writeString(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeInt(out, b.length);
    out.writeBytes(b);
  }

  private static String readString(ByteBuffer q) {
    byte[] b = new byte[q.getInt()];
    q.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
