package org.txlab.course;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.InstrumentedSource;

/**
 * Isolation, explored deterministically: another order runs at every statement boundary of the
 * student's paused call, and another connection holds the write lock while the student's call runs.
 * Nothing waits for time: the other party goes on as soon as the student's call waits for it (or
 * ends), and while a party is in flight the other's busy timeout does not count down.
 */
final class SelfCheckIsolation {
  /**
   * How long the lock holder may wait to commit: only a backstop against a call that never lets go.
   */
  private static final int HOLDER_BUSY_MS = 5000;

  private SelfCheckIsolation() {}

  /**
   * A rival order for {@code quantity} of {@code product} before each statement of the scenario's
   * call; both cannot be served, so exactly one of them must be, and the other rejected cleanly.
   *
   * @param <S> the service type
   * @return the check's outcome
   */
  static <S> SelfCheck.Check rivalAtEveryBoundary(
      SelfCheckRun<S> run,
      String title,
      SelfCheckRun.Scenario<S> s,
      long product,
      int quantity,
      String hint)
      throws SQLException {
    SelfCheckRun.Clean clean = run.clean(s);
    if (!clean.placed()) {
      return SelfCheckFaults.notChecked(title, clean);
    }
    SelfCheckState rivalOnly = SelfCheckState.FIXTURE.plus(SelfCheckRival.USER, product, quantity);
    for (int k : SelfCheckFaults.boundaries(clean.call().statements())) {
      try (SelfCheckWorld w = run.world()) {
        SelfCheckCall call = run.start(w, s, FaultPlan.pausing(k));
        first(w.gate().paused(), call.done());
        SelfCheckRival.Outcome rival = SelfCheckRival.Outcome.NOT_RUN;
        String rivalError = "";
        if (w.gate().paused().isDone() && !call.isDone()) {
          SelfCheckCall.Ended r = rival(w, call, product, quantity);
          w.gate().resume();
          if (r.returned()) {
            rival = (SelfCheckRival.Outcome) r.value();
          } else {
            rivalError = r.outcome();
          }
        }
        w.gate().resume();
        SelfCheckCall.Ended mine = call.await();
        SelfCheckState after = w.state();
        boolean served =
            mine.returned()
                && rival != SelfCheckRival.Outcome.PLACED
                && after.sameAs(clean.after());
        boolean lost =
            mine.rejected(run.rejection())
                && rival == SelfCheckRival.Outcome.PLACED
                && after.sameAs(rivalOnly);
        if (!served && !lost) {
          String other =
              rivalError.isEmpty()
                  ? Messages.get(
                      "selfcheck.rival." + rival.name().toLowerCase(java.util.Locale.ROOT))
                  : Messages.get("selfcheck.rival.failed", rivalError);
          return SelfCheck.Check.failed(
              title,
              Messages.get(
                  "selfcheck.rival.broken",
                  clean.call().statement(k),
                  mine.outcome(),
                  other,
                  after.changesSince(SelfCheckState.FIXTURE),
                  Messages.get(mine.busy() ? "selfcheck.hint.busy" : hint)));
        }
      }
    }
    return SelfCheck.Check.passed(title);
  }

  /** Runs the rival while the student's call is paused; it resumes the call if it must wait. */
  private static SelfCheckCall.Ended rival(
      SelfCheckWorld w, SelfCheckCall student, long product, int quantity) {
    SelfCheckGate gate = new SelfCheckGate();
    InstrumentedSource source = new InstrumentedSource(w.plain(Shop.DEFAULT_BUSY_TIMEOUT_MS), gate);
    gate.onWait(w.gate()::resume);
    gate.clockStoppedWhile(() -> !student.isDone());
    AtomicBoolean rivalRunning = new AtomicBoolean(true);
    w.gate().clockStoppedWhile(rivalRunning::get);
    SelfCheckCall rival =
        SelfCheckCall.start(
            source,
            "the other order",
            FaultPlan.NONE,
            () -> SelfCheckRival.order(source, product, quantity));
    SelfCheckCall.Ended ended = rival.await();
    rivalRunning.set(false);
    return ended;
  }

  /**
   * One lock-holder case: another connection has taken {@code quantity} of {@code product} in a
   * transaction it keeps open while the student's call runs; it commits as soon as the call waits
   * for it (or ends).
   *
   * @param expectPlaced whether the stock left is enough for the student's call too
   * @param <S> the service type
   * @return the problem, or an empty string if the case passed
   */
  static <S> String lockHolder(
      SelfCheckRun<S> run,
      SelfCheckRun.Scenario<S> s,
      long product,
      int quantity,
      boolean expectPlaced,
      SelfCheckRun.Clean clean,
      String hint)
      throws SQLException {
    SelfCheckState held = SelfCheckState.FIXTURE.plus(SelfCheckRival.USER, product, quantity);
    try (SelfCheckWorld w = run.world();
        Connection holder = w.plain(HOLDER_BUSY_MS).open();
        Statement st = holder.createStatement()) {
      // Made before the lock is taken: a constructor may set the database up (e.g. WAL mode).
      S service = run.service(w.source());
      st.execute("BEGIN IMMEDIATE");
      SelfCheckRival.write(holder, product, quantity);
      AtomicBoolean holding = new AtomicBoolean(true);
      w.gate().clockStoppedWhile(holding::get);
      SelfCheckCall call = run.start(w, s, FaultPlan.NONE, service);
      first(w.gate().waited(), call.done());
      String blocked = "";
      try {
        st.execute("COMMIT");
      } catch (SQLException e) {
        blocked = Attempt.brief(e);
      } finally {
        holding.set(false);
      }
      SelfCheckCall.Ended mine = call.await();
      if (!blocked.isEmpty()) {
        return Messages.get("selfcheck.holder.blocked", s.label(), blocked, mine.outcome());
      }
      SelfCheckState after = w.state();
      boolean ok =
          expectPlaced
              ? mine.returned()
                  && after.sameAs(held.plusEffectOf(SelfCheckState.FIXTURE, clean.after()))
              : mine.rejected(run.rejection()) && after.sameAs(held);
      if (ok) {
        return "";
      }
      return Messages.get(
          expectPlaced ? "selfcheck.holder.enough" : "selfcheck.holder.soldOut",
          s.label(),
          quantity,
          product,
          mine.outcome(),
          after.changesSince(held),
          Messages.get(mine.busy() ? "selfcheck.hint.busy" : hint));
    }
  }

  /** Waits until one of two events happened, at most the deadline. */
  static void first(CompletableFuture<?> a, CompletableFuture<?> b) {
    try {
      CompletableFuture.anyOf(a, b).get(SelfCheckRun.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The caller looks at what happened; a call that never ends is reported by its await.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
