package org.txlab.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeDbTests {
  @TempDir Path dir;

  @Test
  void refusesADatabaseWhoseJournalIsALink() throws Exception {
    Path db = dir.resolve("shop.db");
    createTable(db);
    Path elsewhere = Files.writeString(dir.resolve("host-file"), "must survive");
    Files.createSymbolicLink(dir.resolve("shop.db-journal"), elsewhere);

    assertThatThrownBy(() -> JudgeDb.source(db, 0).open())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("[UNSAFE_FILE] shop.db-journal");
    assertThat(elsewhere).hasContent("must survive");
  }

  @Test
  void refusesAFifoWithoutBlockingOnIt() throws Exception {
    Path db = dir.resolve("shop.db");
    createTable(db);
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("shop.db-wal").toString()).start();
    assertThat(mkfifo.waitFor()).as("mkfifo's exit code").isZero();

    assertThatThrownBy(() -> JudgeDb.source(db, 0).open())
        .hasMessageContaining("[UNSAFE_FILE] shop.db-wal");
  }

  @Test
  void refusesToRunFunctionsTheFilesSchemaDefines() throws Exception {
    Path db = dir.resolve("shop.db");
    createTable(db);
    try (Connection c = JudgeDb.source(db, 0).open();
        Statement s = c.createStatement()) {
      assertThat(s.executeQuery("PRAGMA trusted_schema").getInt(1)).isZero();
      assertThat(s.executeQuery("PRAGMA cell_size_check").getInt(1)).isOne();
    }
  }

  private static void createTable(Path db) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
    }
  }
}
