package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTests {
  @TempDir Path dir;

  @AfterEach
  void closeAll() {
    Connections.closeAll();
  }

  @Test
  void openingANameAgainReleasesTheLockItsOldConnectionHeld() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    Connection first = Connections.open("c", Shop.source(db));
    first.createStatement().execute("BEGIN IMMEDIATE");
    assertThat(Shop.isWritableNow(db)).isFalse();

    Connection second = Connections.open("c", Shop.source(db));

    assertThat(first.isClosed()).isTrue();
    assertThat(second.isClosed()).isFalse();
    assertThat(Shop.isWritableNow(db)).isTrue();
  }

  @Test
  void closeAllRollsBackEveryOpenTransaction() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    Connection a = Connections.open("a", Shop.source(db));
    a.createStatement().execute("BEGIN IMMEDIATE");
    a.createStatement().execute("UPDATE products SET stock = 0 WHERE id = 1");

    assertThat(Connections.closeAll()).isEqualTo(1);

    assertThat(Shop.stock(Shop.source(db), 1)).isEqualTo(10);
    assertThat(Shop.isWritableNow(db)).isTrue();
    assertThat(Connections.close("a")).isFalse();
  }
}
