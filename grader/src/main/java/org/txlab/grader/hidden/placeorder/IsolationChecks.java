package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
  private static final long KEYBOARD = 1;
  private static final Map<String, String> LOCK_HOLDER = new ConcurrentHashMap<>();

  /**
   * The lock-holder test: this test's own transaction holds the write lock with its own order for
   * the last lamp while the student's call runs, then commits. A correct call waits, sees stock 0
   * and rejects cleanly. Deterministic: it separated correct from deferred and non-transactional
   * code 20 times out of 20.
   */
  @Test
  @DisplayName("an order placed while another order holds the last unit waits, then is rejected")
  @Graded(category = Category.ISOLATION, points = 3, hint = "hint.lockholder")
  void waitsForAConcurrentOrderThenRejectsCleanly(Harness h) throws Exception {
    String verdict = LOCK_HOLDER.computeIfAbsent(h.submissionKey(), k -> lockHolderVerdict(h));
    if (!verdict.isEmpty()) {
      fail(verdict);
    }
  }

  /**
   * Races between buggy code pass or fail by luck (a deferred transaction passed a two-process race
   * in 1 to 12 runs of 20), which would give identical code different scores. So a race is run only
   * for code that passed the deterministic lock-holder check, run once per submission.
   */
  private static void requireLockHolderPassed(Harness h) {
    String verdict = LOCK_HOLDER.computeIfAbsent(h.submissionKey(), k -> lockHolderVerdict(h));
    if (!verdict.isEmpty()) {
      fail(Feedback.get("race.gated", verdict.lines().findFirst().orElse("")));
    }
  }

  private static String lockHolderVerdict(Harness h) {
    try (Harness fresh = h.fresh()) {
      lockHolder(fresh);
      return "";
    } catch (AssertionError e) {
      return String.valueOf(e.getMessage());
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static void lockHolder(Harness h) throws Exception {
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
  @DisplayName("8 threads, 4 orders each, racing for 10 units: 10 orders, the rest rejected")
  @Graded(category = Category.ISOLATION, points = 2, hint = "hint.race")
  void threadRaceNeverOversells(Harness h) {
    requireLockHolderPassed(h);
    InstrumentedSource source = h.instrumented();
    // Several rounds per racer: a bug that needs an unlucky interleaving gets many chances to
    // show, so identical code gets the same score run after run.
    List<Race.Outcome<List<Harness.Call>>> outcomes =
        Race.threads(
            8,
            i -> {
              List<Harness.Call> calls = new ArrayList<>();
              for (int round = 0; round < 4; round++) {
                calls.add(h.call(source, 100 + i, KEYBOARD, 1));
              }
              return calls;
            },
            Duration.ofSeconds(60));
    List<Throwable> errors = new ArrayList<>();
    for (Race.Outcome<List<Harness.Call>> o : outcomes) {
      if (!o.succeeded()) {
        fail(Feedback.get("race.rawError", o.racer(), o.error()));
      }
      o.value().forEach(c -> errors.add(c.error()));
    }
    expectWinnersAndCleanLosers(errors, 10);
    Harness.Snapshot after = h.snapshot();
    Checks.expectStock(after, KEYBOARD, 0, "after the race");
    Checks.expectOrderCount(after, 10, "after the race");
  }

  @Test
  @DisplayName("two processes, 8 orders each, racing for 10 units: 10 orders, the rest rejected")
  @Graded(category = Category.ISOLATION, points = 2, hint = "hint.race")
  void processRaceNeverOversells(Harness h) {
    requireLockHolderPassed(h);
    List<ChildJvm.Signal> outcomes =
        Race.processes(
            List.of(
                h.child(1, KEYBOARD, 1).label("racer-0").args(h.childArgs(1, KEYBOARD, 1, 8)),
                h.child(2, KEYBOARD, 1).label("racer-1").args(h.childArgs(2, KEYBOARD, 1, 8))),
            Checks.CHILD_TIMEOUT);
    int placed = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      ChildJvm.Signal o = outcomes.get(i);
      if (!o.kind().equals(Child.RESULT)) {
        fail(Feedback.get("race.rawError", i, o.payload()));
      }
      placed += Integer.parseInt(o.payload().replaceAll("placed=(\\d+).*", "$1"));
    }
    if (placed != 10) {
      fail(Feedback.get("race.outcomes", 10, 6, "the processes placed " + placed + " orders"));
    }
    Harness.Snapshot after = h.snapshot();
    Checks.expectStock(after, KEYBOARD, 0, "after the race");
    Checks.expectOrderCount(after, 10, "after the race");
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
