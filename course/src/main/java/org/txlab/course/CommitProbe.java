package org.txlab.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A child-process scenario: commit one small order per transaction in a given journal mode and
 * {@code synchronous} setting, for {@link Fsyncs} and the durability demonstrations.
 *
 * <p>{@code count <dir> <commits> <JOURNAL:SYNC>...}: for each setting, a fresh database, a few
 * warm-up commits, then {@code commits} commits between two marker directories ({@code
 * start-JOURNAL-SYNC}, {@code end-JOURNAL-SYNC}) whose {@code mkdir} calls let a system-call trace
 * tell which {@code fsync} calls belong to the commits.
 *
 * <p>{@code kill <db> <JOURNAL:SYNC> <commits>}: commits that many orders, reports {@code
 * committed=N} as its result and stops at the kill point {@code "after-commits"}.
 */
public final class CommitProbe {
  private static final int WARM_UP = 5;

  private CommitProbe() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the database cannot be written
   */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("count")) {
      Path dir = Path.of(args[1]);
      int commits = Integer.parseInt(args[2]);
      for (int i = 3; i < args.length; i++) {
        String[] mode = args[i].split(":");
        String tag = mode[0] + "-" + mode[1];
        try (Connection c = open(dir.resolve(tag + ".db"), mode[0], mode[1])) {
          commit(c, WARM_UP);
          Files.createDirectory(dir.resolve("start-" + tag));
          commit(c, commits);
          Files.createDirectory(dir.resolve("end-" + tag));
        }
      }
    } else if (args[0].equals("kill")) {
      String[] mode = args[2].split(":");
      int commits = Integer.parseInt(args[3]);
      try (Connection c = open(Path.of(args[1]), mode[0], mode[1])) {
        commit(c, commits);
        Child.report("committed=" + commits, null);
        Child.killPoint("after-commits");
      }
    } else {
      throw new IllegalArgumentException("unknown scenario '" + args[0] + "'; use count or kill");
    }
  }

  /**
   * Opens (and if new, creates) an orders database with the given settings.
   *
   * @param db the file
   * @param journal the journal mode, e.g. {@code WAL}
   * @param sync the {@code synchronous} setting, e.g. {@code NORMAL}
   * @return a connection in autocommit mode
   * @throws SQLException if the database cannot be opened
   */
  static Connection open(Path db, String journal, String sync) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = " + journal);
      s.execute("PRAGMA synchronous = " + sync);
      s.execute(
          "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL,"
              + " product_id INTEGER NOT NULL, quantity INTEGER NOT NULL)");
    }
    return c;
  }

  /**
   * Commits {@code n} orders, one per transaction.
   *
   * @param c the connection
   * @param n how many
   * @throws SQLException if a commit fails
   */
  static void commit(Connection c, int n) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (int i = 0; i < n; i++) {
        s.execute("BEGIN IMMEDIATE");
        s.execute("INSERT INTO orders (user_id, product_id, quantity) VALUES (7, 1, 1)");
        s.execute("COMMIT");
      }
    }
  }
}
