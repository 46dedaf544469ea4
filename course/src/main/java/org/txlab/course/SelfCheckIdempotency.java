package org.txlab.course;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.txlab.course.faults.FaultPlan;
import org.txlab.idempotency.IdempotentOrderService;
import org.txlab.idempotency.KeyReusedException;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.Order;

/**
 * The idempotent-checkout self-check: a new key places the order, a replay gets it back, a reused
 * key is refused, a failure at any statement then a retry leaves one order, a crash that loses the
 * reply then a retry leaves one order, and another order between any two statements. The fixture
 * has 10 keyboards (1), 3 mice (2) and the last lamp (3).
 */
final class SelfCheckIdempotency {
  private static final long KEYBOARD = 1;
  private static final long MOUSE = 2;
  private static final Duration CHILD_DEADLINE = Duration.ofSeconds(30);

  private SelfCheckIdempotency() {}

  static SelfCheckRun.Scenario<IdempotentOrderService> order(
      String key, long user, long product, int quantity) {
    return new SelfCheckRun.Scenario<>(
        "placeOrder(\"" + key + "\", " + user + ", " + product + ", " + quantity + ")",
        s -> s.placeOrder(key, user, product, quantity));
  }

  static List<SelfCheck.Check> checks(
      SelfCheckRun<IdempotentOrderService> run, SelfCheckSubject subject) {
    String lostTitle = Messages.get("selfcheck.key.lostReply");
    CompletableFuture<SelfCheck.Check> lost =
        SelfCheckRun.background(lostTitle, () -> lostReply(run, lostTitle, subject));
    List<SelfCheck.Check> checks = new ArrayList<>();
    checks.add(replayed(run));
    checks.add(reused(run));
    checks.add(storedRejection(run));
    String faults = Messages.get("selfcheck.key.faults");
    checks.add(SelfCheckRun.guard(faults, () -> faultsThenRetry(run, faults)));
    String rival = Messages.get("selfcheck.key.rival");
    checks.add(
        SelfCheckRun.guard(
            rival,
            () ->
                SelfCheckIsolation.rivalAtEveryBoundary(
                    run,
                    rival,
                    order("rival-21", 21, KEYBOARD, 7),
                    KEYBOARD,
                    5,
                    "selfcheck.hint.rival")));
    checks.add(lost.join());
    return checks;
  }

  /** A new key places the order; the same key again returns it and writes nothing. */
  private static SelfCheck.Check replayed(SelfCheckRun<IdempotentOrderService> run) {
    String title = Messages.get("selfcheck.key.replay");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckRun.Scenario<IdempotentOrderService> s = order("k-41", 41, KEYBOARD, 3);
            SelfCheckCall.Ended first = run.call(w, s, FaultPlan.NONE);
            if (!first.returned()) {
              return SelfCheck.Check.failed(
                  title, Messages.get("selfcheck.expected.order", first.label(), first.outcome()));
            }
            SelfCheckState once = w.state();
            SelfCheckCall.Ended again = run.call(w, s, FaultPlan.NONE);
            SelfCheckState after = w.state();
            if (!again.returned() || !Objects.equals(again.value(), first.value())) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.key.notTheSame", again.label(), first.value(), again.outcome()));
            }
            if (!after.sameAs(once) || Shop.orders(w.plain(2000)).size() != 1) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.key.twice",
                      again.label(),
                      after.changesSince(SelfCheckState.FIXTURE)));
            }
            return SelfCheck.Check.passed(title);
          }
        });
  }

  /** The same key with another request is refused with KeyReusedException. */
  private static SelfCheck.Check reused(SelfCheckRun<IdempotentOrderService> run) {
    String title = Messages.get("selfcheck.key.reused");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckCall.Ended first = run.call(w, order("k-42", 42, KEYBOARD, 1), FaultPlan.NONE);
            if (!first.returned()) {
              return SelfCheck.Check.failed(
                  title, Messages.get("selfcheck.expected.order", first.label(), first.outcome()));
            }
            SelfCheckState once = w.state();
            SelfCheckCall.Ended other = run.call(w, order("k-42", 42, KEYBOARD, 2), FaultPlan.NONE);
            if (!(other.error() instanceof KeyReusedException)) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.expected.exception",
                      other.label(),
                      KeyReusedException.class.getSimpleName(),
                      other.outcome()));
            }
            SelfCheckState after = w.state();
            if (!after.sameAs(once)) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.key.twice",
                      other.label(),
                      after.changesSince(SelfCheckState.FIXTURE)));
            }
            return SelfCheck.Check.passed(title);
          }
        });
  }

  /** A rejected request replayed is rejected again, even once the stock is back. */
  private static SelfCheck.Check storedRejection(SelfCheckRun<IdempotentOrderService> run) {
    String title = Messages.get("selfcheck.key.storedRejection");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckRun.Scenario<IdempotentOrderService> s = order("k-43", 43, MOUSE, 5);
            SelfCheckCall.Ended first = run.call(w, s, FaultPlan.NONE);
            if (!(first.error() instanceof InsufficientStockException)) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.expected.exception",
                      first.label(),
                      InsufficientStockException.class.getSimpleName(),
                      first.outcome()));
            }
            try (java.sql.Connection c = w.plain(2000).open();
                java.sql.Statement st = c.createStatement()) {
              st.executeUpdate("UPDATE products SET stock = 10 WHERE id = " + MOUSE);
            }
            SelfCheckCall.Ended again = run.call(w, s, FaultPlan.NONE);
            if (!(again.error() instanceof InsufficientStockException)) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get("selfcheck.key.rejectionForgotten", again.label(), again.outcome()));
            }
            return SelfCheck.Check.passed(title);
          }
        });
  }

  /** A failure at each statement in turn, then the client's retry: exactly one order. */
  private static SelfCheck.Check faultsThenRetry(
      SelfCheckRun<IdempotentOrderService> run, String title) throws SQLException {
    SelfCheckRun.Scenario<IdempotentOrderService> s = order("k-8", 8, KEYBOARD, 4);
    SelfCheckRun.Clean clean = run.clean(s);
    if (!clean.placed()) {
      return SelfCheckFaults.notChecked(title, clean);
    }
    for (int k : SelfCheckFaults.faultable(clean.call().statements())) {
      try (SelfCheckWorld w = run.world()) {
        SelfCheckCall.Ended failed = run.call(w, s, FaultPlan.failing(k));
        String when = clean.call().statement(k);
        if (failed.timedOut()) {
          return SelfCheck.Check.failed(
              title, Messages.get("selfcheck.faults.timeout", when, failed.outcome()));
        }
        SelfCheckCall.Ended retry = run.call(w, s, FaultPlan.NONE);
        SelfCheckState after = w.state();
        if (!retry.returned() || !after.sameAs(clean.after())) {
          return SelfCheck.Check.failed(
              title,
              Messages.get(
                  "selfcheck.key.retry",
                  when,
                  failed.outcome(),
                  retry.outcome(),
                  after.changesSince(SelfCheckState.FIXTURE)));
        }
      }
    }
    return SelfCheck.Check.passed(title);
  }

  /** A child JVM places the order and is killed as it returns; the retry must find the order. */
  private static SelfCheck.Check lostReply(
      SelfCheckRun<IdempotentOrderService> run, String title, SelfCheckSubject subject)
      throws SQLException {
    SelfCheckRun.Scenario<IdempotentOrderService> s = order("k-13", 13, MOUSE, 2);
    SelfCheckRun.Clean clean = run.clean(s);
    if (!clean.placed()) {
      return SelfCheckFaults.notChecked(title, clean);
    }
    Path db;
    try (SelfCheckWorld w = run.world()) {
      db = w.db();
    }
    List<Path> classpath;
    try {
      classpath = subject.classpath(run.dir());
    } catch (RuntimeException e) {
      return SelfCheck.Check.failed(
          title, Messages.get("selfcheck.crash.cannotStart", e.getMessage()));
    }
    ChildJvm.Builder builder =
        ChildJvm.builder(IdempotentOrderProcess.class.getName())
            .args(db.toString(), subject.type().getName(), "k-13", "13", "2", "2")
            .killAt("after-return")
            .classpath(classpath)
            .property("org.sqlite.tmpdir", run.dir().toString())
            .label("selfcheck-crash");
    try (ChildJvm jvm = builder.start()) {
      ChildJvm.Signal signal = jvm.next(CHILD_DEADLINE);
      while (!signal.kind().equals(Child.KILL_POINT) && !signal.kind().equals(Child.ERROR)) {
        signal = jvm.next(CHILD_DEADLINE);
      }
      if (!signal.kind().equals(Child.KILL_POINT)) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.crash.noKillPoint",
                s.label(),
                "threw " + signal.payload(),
                Messages.get("selfcheck.key.killPoint")));
      }
      jvm.kill();
    } catch (ChildJvmException e) {
      return SelfCheck.Check.failed(
          title,
          Messages.get(
              "selfcheck.crash.childFailed",
              s.label(),
              e.getMessage().replace(run.dir().toString(), Scratch.name(run.dir()))));
    }
    try (SelfCheckWorld w = new SelfCheckWorld(db)) {
      SelfCheckCall.Ended retry = run.call(w, s, FaultPlan.NONE);
      SelfCheckState after = w.state();
      List<Order> orders = Shop.orders(w.plain(2000));
      if (!retry.returned()
          || !after.sameAs(clean.after())
          || orders.size() != 1
          || !orders.get(0).equals(retry.value())) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.key.lost",
                s.label(),
                retry.outcome(),
                after.changesSince(SelfCheckState.FIXTURE)));
      }
    }
    return SelfCheck.Check.passed(title);
  }
}
