package org.txlab.course;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.Controller;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.placeorder.ConnectionSource;

/**
 * Two calls of the same code racing on two connections, interleaved on purpose so that the race
 * happens every time: the first call stops right after its first write (as SQLite reports it,
 * whatever the SQL) until the second has to wait for a lock, or ends; then the first goes on. Every
 * statement of both goes on a {@link Timeline.Recorder}, one lane per call, and every wait for a
 * lock as a {@code "waits for the lock"} instant. In a notebook cell:
 *
 * <pre>{@code
 * Timeline.Recorder rec = new Timeline.Recorder();
 * var outcomes = Interleaving.twoCalls(Shop.source(db), rec,
 *     (src, i) -> new PlaceOrder(src).placeOrder(300 + i, 3, 1));
 * rec.render("Two of your calls for the last lamp")
 * }</pre>
 */
public final class Interleaving {

  /**
   * One of the two calls.
   *
   * @param <T> its result's type
   */
  @FunctionalInterface
  public interface Call<T> {
    /**
     * Runs the call.
     *
     * @param db where it gets its connections: recorded and interleaved
     * @param index 0 for the first call, 1 for the second
     * @return its result
     * @throws Exception if it fails
     */
    T run(ConnectionSource db, int index) throws Exception;
  }

  private static final String FIRST = "call 1";
  private static final String SECOND = "call 2";

  private Interleaving() {}

  /**
   * Runs the two calls and returns how each ended, first call first.
   *
   * @param db the real connections
   * @param rec where statements and lock waits are recorded
   * @param call what each call does
   * @param <T> the result's type
   * @return two outcomes; a call still running after 10 s (code that never ends) ends in a timeout
   *     outcome
   */
  public static <T> List<Race.Outcome<T>> twoCalls(
      ConnectionSource db, Timeline.Recorder rec, Call<T> call) {
    Gate gate = new Gate(rec);
    InstrumentedSource source = new InstrumentedSource(db, gate);
    ConnectionSource watched = rec.watch(source);
    SelfCheckCall first = start(source, watched, rec, FIRST, 0, call);
    gate.first = first;
    SelfCheckIsolation.first(gate.paused, first.done());
    SelfCheckCall second = start(source, watched, rec, SECOND, 1, call);
    gate.second = second;
    SelfCheckIsolation.first(gate.secondWaited, second.done());
    gate.resume.countDown();
    return List.of(outcome(0, first.await()), outcome(1, second.await()));
  }

  private static <T> SelfCheckCall start(
      InstrumentedSource source,
      ConnectionSource watched,
      Timeline.Recorder rec,
      String lane,
      int index,
      Call<T> call) {
    return SelfCheckCall.start(
        source,
        lane,
        FaultPlan.NONE,
        () -> {
          rec.lane(lane);
          return call.run(watched, index);
        });
  }

  @SuppressWarnings("unchecked")
  private static <T> Race.Outcome<T> outcome(int index, SelfCheckCall.Ended e) {
    if (e.timedOut()) {
      return new Race.Outcome<>(
          index,
          null,
          new java.util.concurrent.TimeoutException(
              Messages.get("selfcheck.outcome.timeout", SelfCheckRun.DEADLINE.toSeconds())));
    }
    return new Race.Outcome<>(index, (T) e.value(), e.error());
  }

  /** Pauses the first call after its first write; lets it go when the second waits for a lock. */
  private static final class Gate implements Controller {
    final CompletableFuture<Integer> paused = new CompletableFuture<>();
    final CompletableFuture<Integer> secondWaited = new CompletableFuture<>();
    final CountDownLatch resume = new CountDownLatch(1);
    final Timeline.Recorder rec;
    volatile SelfCheckCall first;
    volatile SelfCheckCall second;

    Gate(Timeline.Recorder rec) {
      this.rec = rec;
    }

    @Override
    public void afterStatement(CallScope call, StatementRecord record) {
      if (call.label().equals(FIRST)
          && record.wrote()
          && !record.failed()
          && paused.complete(record.number())) {
        long start = System.nanoTime();
        try {
          resume.await(SelfCheckRun.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        // The pause is the notebook's doing, not the code's: drawn as a span of its own.
        rec.add(
            new Timeline.Span(
                FIRST, start, System.nanoTime(), Messages.get("interleaving.paused"), "paused"));
      }
    }

    @Override
    public void lockWait(CallScope call, int statement) {
      rec.instant(call.label(), Messages.get("interleaving.waits"), "wait");
      if (call.label().equals(SECOND)) {
        secondWaited.complete(statement);
        resume.countDown();
      }
    }

    @Override
    public boolean clockStopped(CallScope call) {
      // A call waits for the other while that one is in flight: no correct wait may time out.
      SelfCheckCall other = call.label().equals(FIRST) ? second : first;
      return other != null && !other.isDone();
    }
  }
}
