package org.txlab.course.txlog;

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
 * A small store for these tests: a redo log of one checksummed frame per transaction. Its flaws can
 * be switched on one at a time, to see that the crash model catches each.
 */
final class MiniStore implements Store {
  /** What this store gets wrong. */
  enum Flaw {
    NONE,
    NO_FORCE,
    NO_CHECKSUM,
    NO_SYNC_DIR
  }

  private final Disk disk;
  private final Flaw flaw;
  private final Map<String, String> data = new TreeMap<>();
  private LogFile log;

  MiniStore(Disk disk, Flaw flaw) {
    this.disk = disk;
    this.flaw = flaw;
  }

  @Override
  public void recover() throws IOException {
    boolean fresh = !disk.exists("log");
    log = disk.open("log");
    ByteBuffer b = ByteBuffer.wrap(log.readAll());
    while (b.remaining() >= 8) {
      int len = b.getInt();
      int sum = b.getInt();
      if (len < 4 || len > b.remaining()) {
        break;
      }
      byte[] p = new byte[len];
      b.get(p);
      CRC32 crc = new CRC32();
      crc.update(p);
      if (flaw != Flaw.NO_CHECKSUM && (int) crc.getValue() != sum) {
        break;
      }
      ByteBuffer q = ByteBuffer.wrap(p);
      int n = q.getInt();
      for (int i = 0; i < n && q.remaining() >= 4; i++) {
        String k = str(q);
        String v = str(q);
        data.put(k, v);
      }
    }
    if (fresh && flaw != Flaw.NO_SYNC_DIR) {
      disk.syncDir();
    }
  }

  private static String str(ByteBuffer q) {
    int n = Math.max(0, Math.min(q.getInt(), q.remaining()));
    byte[] s = new byte[n];
    q.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  @Override
  public Transaction begin() {
    Map<String, String> writes = new LinkedHashMap<>();
    return new Transaction() {
      @Override
      public String get(String key) {
        return writes.containsKey(key) ? writes.get(key) : data.get(key);
      }

      @Override
      public void put(String key, String value) {
        writes.put(key, value);
      }

      @Override
      public void commit() throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(ByteBuffer.allocate(4).putInt(writes.size()).array());
        for (Map.Entry<String, String> e : writes.entrySet()) {
          for (String s : new String[] {e.getKey(), e.getValue()}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            p.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            p.writeBytes(b);
          }
        }
        byte[] payload = p.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] head =
            ByteBuffer.allocate(8).putInt(payload.length).putInt((int) crc.getValue()).array();
        // Header and payload as two appends, so that one can land without the other.
        log.append(head);
        log.append(payload);
        if (flaw != Flaw.NO_FORCE) {
          log.force();
        }
        data.putAll(writes);
      }
    };
  }

  @Override
  public String get(String key) {
    return data.get(key);
  }

  @Override
  public Map<String, String> snapshot() {
    return new TreeMap<>(data);
  }

  @Override
  public void checkpoint() {
    // These tests do not rotate.
  }
}
