package org.txlab.grader.hidden.txlog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.txlab.course.txlog.Workload;

/**
 * The hidden tests' workloads: a shop's orders and stock. Only the functional tests use values with
 * awkward characters, so that a store that cannot keep a tab loses points there only.
 */
final class Workloads {
  private Workloads() {}

  /** Returns puts in the order given (never {@code Map.of}: its order changes from run to run). */
  static Map<String, String> puts(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Ten orders: each decrements stock and stores an order, some touch a second product. */
  static Workload shop() {
    Workload.Builder b = Workload.builder();
    b.commit(puts("stock-1", "10", "stock-2", "5"));
    for (int i = 2; i <= 10; i++) {
      Map<String, String> puts = new LinkedHashMap<>();
      puts.put("order-" + i, "user " + i + " bought 1 of product 1");
      puts.put("stock-1", Integer.toString(12 - i));
      if (i % 3 == 0) {
        puts.put("stock-2", Integer.toString(5 - i / 3));
      }
      b.commit(puts);
    }
    return b.build();
  }

  /** Reads inside and outside transactions, an abandoned transaction, snapshots. */
  static Workload reads() {
    return Workload.builder()
        .step(Workload.Kind.SNAPSHOT)
        .step(Workload.Kind.BEGIN)
        .step(Workload.Kind.PUT, "stock-1", "3")
        .step(Workload.Kind.TX_GET, "stock-1", "")
        .step(Workload.Kind.GET, "stock-1", "")
        .step(Workload.Kind.TX_GET, "stock-2", "")
        .step(Workload.Kind.COMMIT)
        .step(Workload.Kind.GET, "stock-1", "")
        .step(Workload.Kind.BEGIN)
        .step(Workload.Kind.PUT, "stock-1", "2")
        .step(Workload.Kind.PUT, "order-1", "user 7 bought 1")
        .step(Workload.Kind.TX_GET, "stock-1", "")
        .step(Workload.Kind.PUT, "stock-1", "1")
        .step(Workload.Kind.TX_GET, "stock-1", "")
        .step(Workload.Kind.COMMIT)
        .step(Workload.Kind.SNAPSHOT)
        .step(Workload.Kind.BEGIN)
        .step(Workload.Kind.PUT, "stock-1", "0")
        .step(Workload.Kind.ABANDON)
        .step(Workload.Kind.GET, "stock-1", "")
        .step(Workload.Kind.BEGIN)
        .step(Workload.Kind.PUT, "order-2", "user 8 bought 1")
        .step(Workload.Kind.TX_GET, "stock-1", "")
        .step(Workload.Kind.COMMIT)
        .step(Workload.Kind.SNAPSHOT)
        .build();
  }

  /** Keys and values with every character a naive text format trips on. */
  static Workload awkwardValues() {
    Map<String, String> puts = new LinkedHashMap<>();
    puts.put("note", "line one\nline two\r\nend");
    puts.put("tabs", "a\tb\tc");
    puts.put("csv", "1,2;3=4:5 \"quoted\" 'single' \\backslash");
    puts.put("empty", "");
    puts.put("unicode", "größe ✓ 注文 😀");
    puts.put("key with spaces, commas=and\nnewlines", "value");
    puts.put("long", "x".repeat(3000));
    Map<String, String> second = new LinkedHashMap<>();
    second.put("tabs", "\t");
    second.put("numbers", "-0007");
    return Workload.builder().commit(puts).commit(second).build();
  }

  /** Thirty commits over five keys: the last committed value wins. */
  static Workload overwrites() {
    Workload.Builder b = Workload.builder();
    for (int i = 1; i <= 30; i++) {
      Map<String, String> puts = new LinkedHashMap<>();
      puts.put("stock-" + (i % 5), Integer.toString(100 - i));
      puts.put("stock-" + ((i * 2) % 5), Integer.toString(200 - i));
      b.commit(puts);
    }
    return b.build();
  }

  /**
   * Twelve commits over three keys, a quiet time, a checkpoint, two more commits: the log holds far
   * more than the state, so a checkpoint must shrink the files.
   */
  static Workload rotation() {
    Workload.Builder b = Workload.builder();
    for (int i = 1; i <= 12; i++) {
      Map<String, String> puts = new LinkedHashMap<>();
      puts.put("stock-1", Integer.toString(100 - i));
      puts.put("stock-2", Integer.toString(50 - i));
      puts.put(
          "last-order", "order " + i + " of user " + (i % 4) + ": " + "1 × product 1; ".repeat(12));
      b.commit(puts);
    }
    b.step(Workload.Kind.SETTLE).step(Workload.Kind.CHECKPOINT);
    for (int i = 13; i <= 14; i++) {
      b.commit(puts("stock-1", Integer.toString(100 - i), "last-order", "order " + i));
    }
    return b.build();
  }

  /** Three orders, for the real-disk tests. */
  static Workload three() {
    Workload.Builder b = Workload.builder();
    b.commit(puts("stock-1", "3"));
    b.commit(puts("stock-1", "2", "order-1", "user 1"));
    b.commit(puts("stock-1", "1", "order-2", "user 2"));
    return b.build();
  }
}
