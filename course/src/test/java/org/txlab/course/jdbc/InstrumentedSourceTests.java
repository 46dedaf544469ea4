package org.txlab.course.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.course.Shop;
import org.txlab.course.faults.FaultPlan;

class InstrumentedSourceTests {
  @TempDir Path dir;
  Path db;

  @BeforeEach
  void createShop() throws SQLException {
    db = dir.resolve("shop.db");
    Shop.create(db);
  }

  private static void run(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  @Test
  void recordsEffectsAsSqliteReportsThemWhateverTheSpelling() throws SQLException {
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), Controller.NONE);
    List<StatementRecord> statements;
    try (CallScope call = source.call("spelled oddly", FaultPlan.NONE)) {
      try (Connection c = source.open()) {
        run(
            c,
            "BEGIN IMMEDIATE",
            "/* the stock */ WITH x AS (SELECT 1) UPDATE OR ABORT main.\"products\""
                + " SET stock = stock - 1 WHERE id = (SELECT * FROM x)",
            "INSERT INTO orders (user_id, product_id, quantity) VALUES (1, 1, 1)",
            "END");
      }
      statements = call.statements();
    }
    assertThat(statements)
        .extracting(StatementRecord::operation)
        .containsExactly("open", "execute", "execute", "execute", "execute", "close");
    assertThat(statements.get(2).changes()).containsEntry("UPDATE products", 1);
    assertThat(statements.get(3).changes()).containsEntry("INSERT orders", 1);
    assertThat(statements)
        .filteredOn(StatementRecord::committed)
        .extracting(StatementRecord::number)
        .containsExactly(5);
    assertThat(statements.get(4).settings()).isEqualTo("synchronous=2 journal_mode=delete");
  }

  @Test
  void seesACommitHoweverItIsIssuedAndTheSettingsAtIt() throws SQLException {
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), Controller.NONE);
    try (CallScope call = source.call("three commits", FaultPlan.NONE)) {
      try (Connection c = source.open()) {
        run(c, "UPDATE products SET stock = stock - 1 WHERE id = 1");
        run(c, "PRAGMA synchronous = OFF");
        c.setAutoCommit(false);
        run(c, "UPDATE products SET stock = stock - 1 WHERE id = 1");
        c.commit();
        c.setAutoCommit(true);
      }
      List<StatementRecord> committed =
          call.statements().stream().filter(StatementRecord::committed).toList();
      assertThat(committed)
          .extracting(StatementRecord::operation)
          .containsExactly("execute", "commit");
      assertThat(committed.get(1).settings()).startsWith("synchronous=0");
    }
  }

  @Test
  void failsThePlannedStatementBeforeItReachesTheDatabase() throws SQLException {
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), Controller.NONE);
    try (CallScope call = source.call("fail #3", FaultPlan.failing(3))) {
      try (Connection c = source.open()) {
        run(c, "BEGIN IMMEDIATE");
        assertThatThrownBy(() -> run(c, "UPDATE products SET stock = 0 WHERE id = 1"))
            .isInstanceOf(SQLException.class)
            .hasMessageStartingWith("[INJECTED]");
      }
      assertThat(call.statements().get(2).injected()).isTrue();
      assertThat(call.statements().get(2).changes()).isEmpty();
    }
    assertThat(Shop.stock(Shop.source(db), 1)).isEqualTo(10);
  }

  @Test
  void parksRightAfterTheFirstWrite() throws Exception {
    AtomicInteger parkedAfter = new AtomicInteger();
    Controller controller =
        new Controller() {
          @Override
          public void park(CallScope call, StatementRecord after) {
            parkedAfter.set(after.number());
            throw new Parked();
          }
        };
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), controller);
    try (CallScope call = source.call("park", FaultPlan.parking(1));
        Connection c = source.open()) {
      assertThatThrownBy(
              () ->
                  run(
                      c,
                      "SELECT stock FROM products",
                      "INSERT INTO orders (user_id, product_id, quantity) VALUES (1, 1, 1)",
                      "SELECT 1"))
          .isInstanceOf(Parked.class);
    }
    assertThat(parkedAfter.get()).isEqualTo(3);
  }

  @Test
  void numbersEachCallOnItsOwnAndClosesWhatOneCallLeftOpen() throws Exception {
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), Controller.NONE);
    CallScope first = source.call("first", FaultPlan.NONE);
    source.open();
    first.close();
    try (CallScope second = source.call("second", FaultPlan.NONE);
        Connection c = source.open()) {
      run(c, "SELECT 1");
      assertThat(second.statements()).extracting(StatementRecord::number).containsExactly(1, 2);
    }
    assertThat(first.connectionsLeftOpen()).isEqualTo(1);
    assertThat(source.closeLeakedBy(first)).isEqualTo(1);
    assertThat(source.closeLeakedBy(first)).as("already closed").isZero();
    assertThat(source.leaked()).isEmpty();
    assertThat(first.connectionsLeftOpen()).as("still the code's leak").isEqualTo(1);
  }

  @Test
  void numbersTheStatementsOfConcurrentCallsEachOnItsOwn() throws Exception {
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), Controller.NONE);
    int n = 25;
    CyclicBarrier step = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<StatementRecord>>> calls = new ArrayList<>();
      for (String name : List.of("left", "right")) {
        calls.add(
            pool.submit(
                () -> {
                  try (CallScope scope = source.call(name, FaultPlan.NONE);
                      Connection c = source.open()) {
                    for (int i = 0; i < n; i++) {
                      // Both calls run each of their statements at the same time.
                      step.await(10, TimeUnit.SECONDS);
                      run(c, "SELECT " + i + " AS " + name);
                    }
                    return scope.statements();
                  }
                }));
      }
      for (int k = 0; k < 2; k++) {
        String name = k == 0 ? "left" : "right";
        List<StatementRecord> records = calls.get(k).get(30, TimeUnit.SECONDS);
        assertThat(records)
            .extracting(StatementRecord::number)
            .as("%s's statements, numbered in its own call", name)
            .isEqualTo(IntStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(records.stream().map(StatementRecord::sql).filter(q -> q.startsWith("SELECT ")))
            .as("%s's queries, and only its own", name)
            .hasSize(n)
            .allMatch(q -> q.endsWith(" AS " + name));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pausesBeforeThePlannedStatementUntilResumed() throws Exception {
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    Controller controller =
        new Controller() {
          @Override
          public void pause(CallScope call, int next) {
            paused.countDown();
            try {
              resume.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    InstrumentedSource source = new InstrumentedSource(Shop.source(db), controller);
    CompletableFuture<Void> call =
        CompletableFuture.runAsync(
            () -> {
              try (CallScope scope = source.call("pause #2", FaultPlan.pausing(2));
                  Connection c = source.open()) {
                run(c, "UPDATE products SET stock = 0 WHERE id = 1");
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Shop.stock(Shop.source(db), 1)).as("not yet written").isEqualTo(10);
    resume.countDown();
    call.get(10, TimeUnit.SECONDS);
    assertThat(Shop.stock(Shop.source(db), 1)).isZero();
  }

  @Test
  void aLockWaitIsReportedAndOutlastsTheBusyTimeoutWhileTheClockIsStopped() throws Exception {
    AtomicBoolean holderDone = new AtomicBoolean();
    CountDownLatch waiting = new CountDownLatch(1);
    Controller controller =
        new Controller() {
          @Override
          public void lockWait(CallScope call, int statement) {
            waiting.countDown();
          }

          @Override
          public boolean clockStopped(CallScope call) {
            return !holderDone.get();
          }
        };
    // A busy timeout of 50 ms: without the stopped clock the write would give up long before the
    // holder commits.
    InstrumentedSource source = new InstrumentedSource(Shop.source(db, 50), controller);
    try (Connection holder = Shop.source(db).open()) {
      run(holder, "BEGIN IMMEDIATE", "UPDATE products SET stock = 5 WHERE id = 1");
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try (CallScope scope = source.call("writer", FaultPlan.NONE);
                    Connection c = source.open()) {
                  run(c, "UPDATE products SET stock = stock - 1 WHERE id = 1");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
      // The writer waits as long as the clock is stopped, however long that is.
      assertThat(writer).isNotDone();
      run(holder, "COMMIT");
      holderDone.set(true);
      writer.get(10, TimeUnit.SECONDS);
    }
    assertThat(Shop.stock(Shop.source(db), 1)).isEqualTo(4);
  }

  @Test
  void keepsABusyTimeoutTheCodeSetsItself() throws Exception {
    InstrumentedSource source = new InstrumentedSource(Shop.source(db, 5000), Controller.NONE);
    try (Connection holder = Shop.source(db).open()) {
      run(holder, "BEGIN IMMEDIATE");
      try (CallScope scope = source.call("impatient", FaultPlan.NONE);
          Connection c = source.open()) {
        run(c, "PRAGMA busy_timeout = 0");
        assertThatThrownBy(() -> run(c, "BEGIN IMMEDIATE"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("SQLITE_BUSY");
        assertThat(scope.statements().get(2).resultCode()).isEqualTo(5);
      }
      run(holder, "ROLLBACK");
    }
  }

  private static final class Parked extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
