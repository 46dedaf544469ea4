package org.txlab.grader.hidden;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.txlab.placeorder.ConnectionSource;

/**
 * The judge's own connections to a database file the student's code has written: opened as SQLite
 * advises for untrusted files (no schema-defined functions, cell sizes checked, no memory mapping,
 * small length limits), so a crafted file cannot make the judge run its content.
 */
public final class JudgeDb {
  private JudgeDb() {}

  /**
   * Returns hardened connections to {@code db}.
   *
   * @param db the database file
   * @param busyTimeoutMs how long the judge waits for a lock the student's code holds
   * @return the source
   */
  public static ConnectionSource source(Path db, int busyTimeoutMs) {
    String url = "jdbc:sqlite:" + db.toAbsolutePath();
    return () -> {
      expectPlainFiles(db);
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(busyTimeoutMs);
      config.setPragma(SQLiteConfig.Pragma.LIMIT_LENGTH, "1000000");
      config.setPragma(SQLiteConfig.Pragma.LIMIT_SQL_LENGTH, "100000");
      config.setPragma(SQLiteConfig.Pragma.LIMIT_ATTACHED, "0");
      config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "0");
      Connection c = config.createConnection(url);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA trusted_schema = OFF");
        s.execute("PRAGMA cell_size_check = ON");
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c;
    };
  }

  /**
   * Refuses to open a database whose file or companions (journal, WAL, shared memory) the student's
   * code replaced with something that is not a regular file: a link could make the judge write
   * elsewhere, a FIFO would block it.
   *
   * @param db the database file
   * @throws SQLException naming the file if one is not a regular file
   */
  static void expectPlainFiles(Path db) throws SQLException {
    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        throw new SQLException(
            "[UNSAFE_FILE] " + f.getFileName() + " is not a regular file (a link, a FIFO?)");
      }
    }
  }

  /**
   * Tells whether a writer could begin and commit right now, without waiting: false while another
   * connection holds a transaction open (a write lock, or in DELETE mode a read lock too).
   *
   * @param db the database file
   * @return true if a write transaction committed at once
   * @throws SQLException if the database cannot be opened
   */
  public static boolean writableNow(Path db) throws SQLException {
    return writableWithin(db, 0);
  }

  /**
   * Waits, with SQLite's busy handler, until a writer could commit: after a crash, until the dead
   * process's locks are gone and its hot journal is rolled back, so that the client's retry meets
   * the database a restarted process would meet.
   *
   * @param db the database file
   * @param timeoutMs how long to wait at most
   * @return true if a write committed within the time
   * @throws SQLException if the file cannot be opened
   */
  public static boolean writableWithin(Path db, int timeoutMs) throws SQLException {
    try (Connection c = source(db, timeoutMs).open();
        Statement s = c.createStatement()) {
      try {
        s.execute("BEGIN IMMEDIATE");
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        // A write that changes nothing, whose commit still needs every other lock gone.
        s.execute("PRAGMA user_version = " + version);
        s.execute("COMMIT");
        return true;
      } catch (SQLException busy) {
        return false;
      }
    }
  }

  /**
   * Returns a table's schema as SQLite stores it, or {@code null} if there is no such table.
   *
   * @param c a connection
   * @param table the table
   * @return its {@code CREATE TABLE} statement
   * @throws SQLException if the schema cannot be read
   */
  public static String tableSql(Connection c, String table) throws SQLException {
    try (var p =
        c.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      p.setString(1, table);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
