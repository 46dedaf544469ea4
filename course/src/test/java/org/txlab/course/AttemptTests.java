package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptTests {
  @TempDir Path dir;

  @Test
  void showsASuccessAsItsValue() {
    Attempt<Integer> a = Attempt.run(() -> 42);

    assertThat(a.succeeded()).isTrue();
    assertThat(a).hasToString("✔ 42");
  }

  @Test
  void showsAnSqliteErrorOnOneLineWithItsCode() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    try (Connection c = Shop.source(db).open()) {
      Attempt<Integer> a =
          Attempt.run(
              () ->
                  c.createStatement().executeUpdate("UPDATE products SET stock = -1 WHERE id = 1"));

      assertThat(a.succeeded()).isFalse();
      assertThat(a.sqliteCode()).isEqualTo("SQLITE_CONSTRAINT_CHECK");
      assertThat(a.toString())
          .startsWith("✘ SQLiteException: [SQLITE_CONSTRAINT_CHECK]")
          .doesNotContain("\n");
      assertThat(a.timed()).matches("✘ .* \\(after \\d+ ms\\)");
    }
  }

  @Test
  void foldsAMultiLineMessageAndFallsBackToTheCause() {
    assertThat(Attempt.brief(new IllegalStateException("line one\n  line two")))
        .isEqualTo("IllegalStateException: line one ⏎ line two");
    assertThat(Attempt.brief(new RuntimeException(null, new IllegalArgumentException("cause"))))
        .isEqualTo("RuntimeException: cause");
  }
}
