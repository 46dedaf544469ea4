package org.txlab.txlog;

import java.io.IOException;
import java.util.Map;

/**
 * A key-value store with transactions, kept on a {@link Disk}. Implementations take the {@code
 * Disk} in their constructor and keep nothing anywhere else. One transaction runs at a time.
 */
public interface Store {

  /**
   * Brings the store back after a start or a crash: called once, right after the constructor.
   * Afterwards the store holds exactly the transactions whose {@link Transaction#commit()} returned
   * before the crash (and perhaps the one whose commit was under way), each whole, in order. It may
   * write (repair the log); calling it on what it left must give the same state.
   *
   * @throws IOException if the disk fails
   */
  void recover() throws IOException;

  /**
   * Starts a transaction.
   *
   * @return the transaction; its writes are invisible until it commits
   */
  Transaction begin();

  /**
   * Returns a committed value.
   *
   * @param key the key
   * @return its value, or {@code null} if it has none
   */
  String get(String key);

  /**
   * Returns every committed key and value.
   *
   * @return a copy, in any order
   */
  Map<String, String> snapshot();

  /**
   * Rotates the log: makes the committed state durable in a compact form, then shortens or replaces
   * the log, so that the files stop growing. A crash at any point of it loses nothing committed.
   *
   * @throws IOException if the disk fails
   */
  void checkpoint() throws IOException;
}
