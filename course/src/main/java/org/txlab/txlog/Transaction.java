package org.txlab.txlog;

import java.io.IOException;

/** One transaction of a {@link Store}: its writes become visible and durable together at commit. */
public interface Transaction {

  /**
   * Reads a value, seeing this transaction's own writes.
   *
   * @param key the key
   * @return its value, or {@code null}
   */
  String get(String key);

  /**
   * Writes a value, visible to others only after {@link #commit()}.
   *
   * @param key a non-empty key; any characters
   * @param value the value; any characters, never {@code null}
   */
  void put(String key, String value);

  /**
   * Commits: when this returns, every write of the transaction is durable, and a crash at any
   * earlier point leaves all of them or none.
   *
   * @throws IOException if the disk fails; the transaction then counts as not committed
   */
  void commit() throws IOException;
}
