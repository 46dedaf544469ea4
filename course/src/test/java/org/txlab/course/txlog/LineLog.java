package org.txlab.course.txlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.txlab.txlog.Disk;
import org.txlab.txlog.LogFile;
import org.txlab.txlog.Store;
import org.txlab.txlog.Transaction;

/**
 * The notebook's naive store, for these tests: a {@code key=value} line per put and a {@code
 * COMMIT} line, appended one by one and never forced. Its subclass {@link Late} acknowledges a
 * commit before writing it.
 */
class LineLog implements Store {
  final Disk disk;
  final Map<String, String> committed = new TreeMap<>();
  LogFile log;

  LineLog(Disk disk) {
    this.disk = disk;
  }

  @Override
  public void recover() throws IOException {
    boolean created = !disk.exists("log");
    log = disk.open("log");
    if (created) {
      disk.syncDir();
    }
    Map<String, String> pending = new LinkedHashMap<>();
    for (String line : new String(log.readAll(), StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (line.equals("COMMIT")) {
        committed.putAll(pending);
        pending.clear();
      } else if (eq > 0) {
        pending.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
  }

  /** Writes one transaction's lines. */
  void write(Map<String, String> writes) throws IOException {
    for (Map.Entry<String, String> e : writes.entrySet()) {
      log.append((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    log.append("COMMIT\n".getBytes(StandardCharsets.UTF_8));
  }

  /** Commits: writes, then applies. */
  void commit(Map<String, String> writes) throws IOException {
    write(writes);
    committed.putAll(writes);
  }

  @Override
  public Transaction begin() {
    Map<String, String> writes = new LinkedHashMap<>();
    return new Transaction() {
      @Override
      public String get(String key) {
        return writes.containsKey(key) ? writes.get(key) : committed.get(key);
      }

      @Override
      public void put(String key, String value) {
        writes.put(key, value);
      }

      @Override
      public void commit() throws IOException {
        LineLog.this.commit(writes);
      }
    };
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
  public void checkpoint() {
    // These tests do not rotate.
  }

  /** Acknowledges a commit at once and writes it with the next one: a kill after it loses it. */
  static final class Late extends LineLog {
    private Map<String, String> unwritten = Map.of();

    Late(Disk disk) {
      super(disk);
    }

    @Override
    void commit(Map<String, String> writes) throws IOException {
      if (!unwritten.isEmpty()) {
        write(unwritten);
      }
      unwritten = new LinkedHashMap<>(writes);
      committed.putAll(writes);
    }
  }

  /** Forces the log at every commit: nothing acknowledged is lost, but lines can tear. */
  static final class Forced extends LineLog {
    Forced(Disk disk) {
      super(disk);
    }

    @Override
    void write(Map<String, String> writes) throws IOException {
      super.write(writes);
      log.force();
    }
  }

  /** A store whose recovery is not written yet. */
  static final class Unwritten extends LineLog {
    Unwritten(Disk disk) {
      super(disk);
    }

    @Override
    public void recover() {
      throw new UnsupportedOperationException("txlog: implement recover");
    }
  }
}
