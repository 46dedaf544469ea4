package org.txlab.course.jdbc;

import java.util.Map;

/**
 * One JDBC operation of a call, as the proxy saw it and as SQLite reported its effect.
 *
 * <p>Operations are {@code open}, every {@code execute*} of a statement, {@code commit}, {@code
 * rollback}, {@code setAutoCommit(…)}, savepoints and {@code close}; {@code (unseen)} stands for an
 * effect SQLite reported while no operation of the proxy ran (code that went around it).
 *
 * @param number its number in the call, from 1
 * @param operation what was called, e.g. {@code executeUpdate} or {@code commit}
 * @param sql the SQL, cut to {@value #MAX_SQL} characters; empty for operations without SQL
 * @param connection the connection's number in its source, from 1
 * @param changes rows changed, by {@code "UPDATE products"}-style key
 * @param committed whether a transaction committed during it
 * @param rolledBack whether a transaction rolled back during it
 * @param error the exception it threw, as {@code class: message}; empty if none
 * @param resultCode SQLite's result code of that exception (5 for busy); 0 if none
 * @param settings the durability settings in force as it started, e.g. {@code synchronous=2
 *     journal_mode=delete}; empty where they could not be read
 * @param settingsAfter the settings once it ended (read only when it committed); else empty
 * @param waitedForLock whether it waited for another connection's lock
 * @param injected whether the fault plan made it fail
 */
public record StatementRecord(
    int number,
    String operation,
    String sql,
    int connection,
    Map<String, Integer> changes,
    boolean committed,
    boolean rolledBack,
    String error,
    int resultCode,
    String settings,
    String settingsAfter,
    boolean waitedForLock,
    boolean injected) {

  /** The longest SQL text kept. */
  public static final int MAX_SQL = 300;

  /**
   * The operation of a step no statement of ours ran: what SQLite did while the code went around
   * the connection's statements (e.g. on the real connection {@code unwrap} returns).
   */
  public static final String UNSEEN = "(unseen)";

  /** Copies the changes. */
  public StatementRecord {
    changes = Map.copyOf(changes);
  }

  /** Tells whether it changed a row. */
  public boolean wrote() {
    return !changes.isEmpty();
  }

  /** Tells whether it is an {@link #UNSEEN} step rather than a statement of ours. */
  public boolean unseen() {
    return operation.equals(UNSEEN);
  }

  /**
   * Returns the tables that statements of ours changed, SQLite's count of touched rows; what
   * changed in {@link #UNSEEN} steps does not count.
   *
   * @param statements a call's statements
   * @return table names, lower case
   */
  public static java.util.Set<String> tablesChanged(java.util.List<StatementRecord> statements) {
    java.util.Set<String> tables = new java.util.HashSet<>();
    for (StatementRecord s : statements) {
      if (!s.unseen()) {
        // "UPDATE products", "INSERT orders": the table is the last word.
        s.changes().keySet().forEach(c -> tables.add(c.substring(c.lastIndexOf(' ') + 1)));
      }
    }
    return tables;
  }

  /** Tells whether it threw. */
  public boolean failed() {
    return !error.isEmpty();
  }

  /** Describes it for a student, e.g. {@code #4 executeUpdate UPDATE products SET …}. */
  public String describe() {
    String text = sql.isEmpty() ? operation : sql.replaceAll("\\s+", " ").strip();
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    return "#" + number + " " + text;
  }
}
