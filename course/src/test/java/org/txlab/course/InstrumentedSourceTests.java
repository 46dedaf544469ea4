package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentedSourceTests {
  @TempDir Path dir;

  @Test
  void failsExactlyTheKthStatementAndCountsTheRest() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    InstrumentedSource source = new InstrumentedSource(Shop.source(db)).failAt(2);
    try (Connection c = source.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE products SET stock = 0"))
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("[INJECTED] simulated failure at JDBC statement #2");
      s.execute("ROLLBACK");
    }
    assertThat(source.log())
        .containsExactly("#1 BEGIN IMMEDIATE", "#2 UPDATE products SET stock = 0", "#3 ROLLBACK");
    assertThat(Shop.stock(Shop.source(db), 1)).isEqualTo(10);
  }

  @Test
  void tracksLeakedConnectionsAndDurabilitySettings() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    InstrumentedSource source = new InstrumentedSource(Shop.source(db));
    try (Connection c = source.open()) {
      c.createStatement().execute("PRAGMA synchronous = OFF");
    }
    Connection leaked = source.open();
    leaked.createStatement().execute("BEGIN IMMEDIATE");

    assertThat(source.leaked()).containsExactly(leaked);
    assertThat(source.durabilitySettings()).contains("synchronous=0");
    assertThat(Shop.isWritableNow(db)).as("writable while a transaction is open").isFalse();
    assertThat(source.closeLeaked()).isEqualTo(1);
    assertThat(Shop.isWritableNow(db)).as("writable after the leak was closed").isTrue();
  }

  @Test
  void recognisesStockUpdatesWhateverTheCase() {
    assertThat(InstrumentedSource.isStockUpdate("  Update PRODUCTS set stock = 1")).isTrue();
    assertThat(InstrumentedSource.isStockUpdate("UPDATE \"products\" SET x = 1")).isTrue();
    assertThat(InstrumentedSource.isStockUpdate("UPDATE products_archive SET x = 1")).isFalse();
    assertThat(InstrumentedSource.isStockUpdate("commit()")).isFalse();
  }
}
