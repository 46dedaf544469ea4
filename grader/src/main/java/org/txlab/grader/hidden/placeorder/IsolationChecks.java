package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.Child;
import org.txlab.course.ChildJvm;
import org.txlab.course.InstrumentedSource;
import org.txlab.course.Race;
import org.txlab.grader.hidden.Feedback;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.Graded;
import org.txlab.placeorder.InsufficientStockException;

@ExtendWith(HarnessExtension.class)
class IsolationChecks {
  private static final long LAMP = 3;
  private static final long MOUSE = 2;

  /**
   * The lock-holder test: this test's own transaction holds the write lock with its own order for
   * the last lamp while the student's call runs, then commits. A correct call waits, sees stock 0
   * and rejects cleanly.
   */
  @Test
  @DisplayName("an order placed while another order holds the last unit waits, then is rejected")
  @Graded(category = Category.ISOLATION, points = 3, hint = "hint.lockholder")
  void waitsForAConcurrentOrderThenRejectsCleanly(Harness h) throws Exception {
    InstrumentedSource source = h.instrumented();
    CountDownLatch started = new CountDownLatch(1);
    source.beforeStatement((k, sql) -> started.countDown());
    try (Connection holder = h.plain().open();
        Statement s = holder.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.executeUpdate("UPDATE products SET stock = stock - 1 WHERE id = " + LAMP);
      s.executeUpdate(
          "INSERT INTO orders (user_id, product_id, quantity) VALUES (1, " + LAMP + ", 1)");
      CompletableFuture<Harness.Call> student =
          CompletableFuture.supplyAsync(() -> h.call(source, 2, LAMP, 1));
      // A call that ends without running any statement must not make the test wait.
      student.whenComplete((call, error) -> started.countDown());
      // Hold the lock for ~200 ms after the student's first statement began: long enough that a
      // correct call is waiting on it, well under the busy timeout.
      started.await(10, TimeUnit.SECONDS);
      Thread.sleep(200);
      s.execute("COMMIT");
      Harness.Call call;
      try {
        call = student.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        call = fail(Feedback.get("lockholder.timeout", 10_000));
      }
      call.expectThrown(InsufficientStockException.class);
    }
    Harness.Snapshot after = h.snapshot();
    Checks.expectStock(after, LAMP, 0, "after two orders for the last lamp");
    Checks.expectOrderCount(after, 1, "after two orders for the last lamp");
  }

  @Test
  @DisplayName("8 threads racing for 3 units: 3 orders, 5 clean rejections, never oversold")
  @Graded(category = Category.ISOLATION, points = 2, hint = "hint.race")
  void threadRaceNeverOversells(Harness h) {
    InstrumentedSource source = h.instrumented();
    List<Race.Outcome<Harness.Call>> outcomes =
        Race.threads(8, i -> h.call(source, 100 + i, MOUSE, 1), Duration.ofSeconds(30));
    List<Harness.Call> calls = new ArrayList<>();
    for (Race.Outcome<Harness.Call> o : outcomes) {
      if (!o.succeeded()) {
        fail(Feedback.get("race.rawError", o.racer(), o.error()));
      }
      calls.add(o.value());
    }
    expectWinnersAndCleanLosers(calls.stream().map(c -> c.error()).toList(), 3);
    Harness.Snapshot after = h.snapshot();
    Checks.expectStock(after, MOUSE, 0, "after the race");
    Checks.expectOrderCount(after, 3, "after the race");
  }

  @Test
  @DisplayName("two processes racing for the last unit: one order, one clean rejection")
  @Graded(category = Category.ISOLATION, points = 2, hint = "hint.race")
  void processRaceForTheLastUnit(Harness h) {
    List<ChildJvm.Signal> outcomes =
        Race.processes(
            List.of(h.child(1, LAMP, 1).label("racer-0"), h.child(2, LAMP, 1).label("racer-1")),
            Checks.CHILD_TIMEOUT);
    List<Throwable> errors = new ArrayList<>();
    for (ChildJvm.Signal o : outcomes) {
      errors.add(o.kind().equals(Child.RESULT) ? null : new RemoteError(o.payload()));
    }
    expectWinnersAndCleanLosers(errors, 1);
    Harness.Snapshot after = h.snapshot();
    Checks.expectStock(after, LAMP, 0, "after the race");
    Checks.expectOrderCount(after, 1, "after the race");
  }

  /** An error reported by a child process, as {@code class: message}. */
  private static final class RemoteError extends Exception {
    private static final long serialVersionUID = 1L;

    RemoteError(String payload) {
      super(payload);
    }

    boolean isInsufficientStock() {
      return getMessage().startsWith(InsufficientStockException.class.getName() + ":");
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  private static void expectWinnersAndCleanLosers(List<Throwable> errors, int winners) {
    int won = 0;
    List<String> summary = new ArrayList<>();
    for (int i = 0; i < errors.size(); i++) {
      Throwable e = errors.get(i);
      boolean clean =
          e instanceof InsufficientStockException
              || (e instanceof RemoteError r && r.isInsufficientStock());
      if (e == null) {
        won++;
        summary.add("racer " + i + " got an order");
      } else if (!clean) {
        fail(Feedback.get("race.rawError", i, e));
      } else {
        summary.add("racer " + i + " was rejected");
      }
    }
    if (won != winners) {
      fail(
          Feedback.get(
              "race.outcomes", winners, errors.size() - winners, String.join(", ", summary)));
    }
  }
}
