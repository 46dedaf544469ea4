package org.txlab.course;

import java.nio.file.Path;
import java.sql.SQLException;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.placeorder.ConnectionSource;

/**
 * One fresh shop database of a self-check scenario, and the instrumented source the student's code
 * gets its connections from (with sqlite-jdbc's defaults, as at grading).
 */
final class SelfCheckWorld implements AutoCloseable {
  private final Path db;
  private final SelfCheckGate gate = new SelfCheckGate();
  private final InstrumentedSource source;

  SelfCheckWorld(Path db) {
    this.db = db;
    this.source = new InstrumentedSource(Shop.source(db), gate);
  }

  /** Returns the database file. */
  Path db() {
    return db;
  }

  /** Returns the source the student's code uses. */
  InstrumentedSource source() {
    return source;
  }

  /** Returns the controller of the student's calls. */
  SelfCheckGate gate() {
    return gate;
  }

  /** Returns a plain source of connections to the same database, with a busy timeout. */
  ConnectionSource plain(int busyTimeoutMs) {
    return Shop.source(db, busyTimeoutMs);
  }

  /** Reads what is committed now. */
  SelfCheckState state() throws SQLException {
    return SelfCheckState.read(plain(2000));
  }

  /** Lets every paused call go on and closes what the code left open. */
  @Override
  public void close() {
    gate.resume();
    source.closeLeaked();
  }
}
