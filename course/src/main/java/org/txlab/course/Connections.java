package org.txlab.course;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.txlab.placeorder.ConnectionSource;

/**
 * Named connections for cells that run a transaction one statement per cell.
 *
 * <p>A cell like {@code Connection c = src.open(); sql(c, "BEGIN IMMEDIATE")}, run twice, leaves
 * the first connection open and holding the write lock; every later write then waits for the busy
 * timeout and fails. {@code Connections.open("c", src)} closes the connection that the name had
 * before (closing rolls its open transaction back), so re-running the cell is harmless; {@link
 * #closeAll()} lets go of every lock these connections hold.
 */
public final class Connections {
  private static final Map<String, Connection> OPEN = new LinkedHashMap<>();

  private Connections() {}

  /**
   * Opens a connection under a name, first closing the one the name had.
   *
   * @param name e.g. {@code "a"}
   * @param source where to connect
   * @return the new connection
   * @throws SQLException if it cannot be opened
   */
  public static synchronized Connection open(String name, ConnectionSource source)
      throws SQLException {
    close(name);
    Connection c = source.open();
    OPEN.put(name, c);
    return c;
  }

  /**
   * Closes the connection under a name, if any; its open transaction is rolled back.
   *
   * @param name the name
   * @return true if there was one
   */
  public static synchronized boolean close(String name) {
    Connection c = OPEN.remove(name);
    if (c == null) {
      return false;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // Closing a broken connection: nothing left to release.
    }
    return true;
  }

  /**
   * Closes every named connection, releasing their locks.
   *
   * @return how many were open
   */
  public static synchronized int closeAll() {
    int n = OPEN.size();
    for (String name : OPEN.keySet().toArray(String[]::new)) {
      close(name);
    }
    return n;
  }
}
