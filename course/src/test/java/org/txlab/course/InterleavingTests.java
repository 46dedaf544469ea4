package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteException;
import org.txlab.placeorder.ConnectionSource;

class InterleavingTests {
  @TempDir Path dir;

  /** A deferred read-then-write order for the last lamp: the classic loser of a race. */
  private static String deferredOrder(ConnectionSource db, long user) throws SQLException {
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN");
      try {
        long stock;
        try (ResultSet rs = s.executeQuery("SELECT stock FROM products WHERE id = 3")) {
          rs.next();
          stock = rs.getLong(1);
        }
        if (stock < 1) {
          s.execute("ROLLBACK");
          return "sold out";
        }
        s.executeUpdate("UPDATE products SET stock = stock - 1 WHERE id = 3");
        s.executeUpdate(
            "INSERT INTO orders (user_id, product_id, quantity) VALUES (" + user + ", 3, 1)");
        s.execute("COMMIT");
        return "ordered";
      } catch (SQLException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  @Test
  void theSecondCallMeetsTheFirstsLockEveryTimeAndTheTimelineShowsTheWaits() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    Timeline.Recorder rec = new Timeline.Recorder();

    List<Race.Outcome<String>> outcomes =
        Interleaving.twoCalls(Shop.source(db), rec, (src, i) -> deferredOrder(src, 300 + i));

    // The first stopped after its UPDATE; the second read, tried to write, waited, and lost with
    // SQLITE_BUSY once the first began to commit: a deferred transaction cannot wait once it read.
    assertThat(outcomes.get(0).value()).isEqualTo("ordered");
    assertThat(outcomes.get(1).error()).isInstanceOf(SQLiteException.class);
    assertThat(((SQLiteException) outcomes.get(1).error()).getResultCode().name())
        .startsWith("SQLITE_BUSY");
    assertThat(rec.spans()).extracting(Timeline.Span::lane).containsOnly("call 1", "call 2");
    assertThat(rec.spans())
        .filteredOn(s -> s.kind().equals("wait"))
        .extracting(Timeline.Span::lane)
        .contains("call 2");
    assertThat(rec.spans())
        .filteredOn(s -> s.kind().equals("paused"))
        .extracting(Timeline.Span::lane)
        .containsExactly("call 1");
    assertThat(Shop.stock(Shop.source(db), 3)).isZero();
    assertThat(rec.render("two calls").getWidth()).isPositive();
  }
}
