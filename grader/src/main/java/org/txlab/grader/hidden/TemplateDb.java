package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.txlab.grader.judge.GraderTrouble;
import org.txlab.grader.suite.Feedback;

/**
 * A database made once per grader JVM and copied for every test (making one costs its fsyncs), with
 * the SQL of its tables as made, which each test's file is checked against.
 */
public final class TemplateDb {

  /** Makes the database in a new file. */
  public interface Maker {
    /**
     * Creates the database.
     *
     * @param db the file to create
     * @throws SQLException if it cannot be written
     */
    void create(Path db) throws SQLException;
  }

  private final String name;
  private final Maker maker;
  private Path file;
  private Map<String, String> tables;

  /**
   * Describes a template; nothing is made before its first use.
   *
   * @param name what it is, for the grader's error message
   * @param maker makes it
   */
  public TemplateDb(String name, Maker maker) {
    this.name = name;
    this.maker = maker;
  }

  /**
   * Returns the file to copy, made on first use.
   *
   * @throws GraderTrouble if it cannot be made
   */
  public synchronized Path file() {
    make();
    return file;
  }

  /**
   * Returns the SQL of the tables {@code products} and {@code orders}, as made.
   *
   * @throws GraderTrouble if it cannot be made
   */
  public synchronized Map<String, String> tables() {
    make();
    return tables;
  }

  /**
   * Fails the test if a table of the database on {@code c} is no longer as made.
   *
   * @param c a connection of the judge's to the test's file
   * @throws SQLException if the tables cannot be read
   * @throws AssertionError with a student-facing message if the schema was changed
   */
  public void checkTables(Connection c) throws SQLException {
    for (Map.Entry<String, String> t : tables().entrySet()) {
      if (!Objects.equals(t.getValue(), JudgeDb.tableSql(c, t.getKey()))) {
        fail(Feedback.get("state.schema", t.getKey()));
      }
    }
  }

  private void make() {
    if (file != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("txlab-template");
      Path made = dir.resolve("shop.db");
      maker.create(made);
      made.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      Map<String, String> sql = new LinkedHashMap<>();
      try (Connection c = JudgeDb.source(made, 0).open()) {
        for (String t : new String[] {"products", "orders"}) {
          sql.put(t, JudgeDb.tableSql(c, t));
        }
      }
      tables = java.util.Collections.unmodifiableMap(sql);
      file = made;
    } catch (IOException | SQLException e) {
      throw new GraderTrouble("[GRADER] cannot create the " + name + ": " + e.getMessage());
    }
  }
}
