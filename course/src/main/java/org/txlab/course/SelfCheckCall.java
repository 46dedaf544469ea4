package org.txlab.course;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sqlite.SQLiteException;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.course.jdbc.StatementRecord;

/**
 * One call of the code under test, on a thread of its own so that it can be paused, raced and given
 * a deadline. When the call ends, the connections it left open are closed (which rolls back their
 * transactions): a leak is a bug of its own, never a reason for a later check to fail.
 */
final class SelfCheckCall {

  /** Code that calls the service. */
  @FunctionalInterface
  interface Body {
    Object run() throws Exception;
  }

  /**
   * How a call ended.
   *
   * @param label the call, e.g. {@code placeOrder(8, 1, 4)}
   * @param value what it returned; {@code null} if it threw
   * @param error what it threw; {@code null} if it returned
   * @param timedOut whether it was still running at its deadline
   * @param statements what it did, as the instrumented source saw it
   */
  record Ended(
      String label,
      Object value,
      Throwable error,
      boolean timedOut,
      List<StatementRecord> statements) {

    /** Tells whether the call returned. */
    boolean returned() {
      return !timedOut && error == null;
    }

    /** Tells whether the call threw an exception of the exercise's rejections. */
    boolean rejected(Class<?> rejection) {
      return error != null && rejection.isInstance(error);
    }

    /** Tells whether SQLite answered busy or locked anywhere in the error's chain. */
    boolean busy() {
      for (Throwable t = error; t != null; t = t.getCause()) {
        int code =
            t instanceof SQLiteException s
                ? s.getResultCode().code & 0xff
                : t instanceof SQLException q ? q.getErrorCode() : 0;
        if (code == 5 || code == 6) {
          return true;
        }
      }
      return false;
    }

    /** Describes the outcome: {@code returned …}, {@code threw X: …} or {@code did not end}. */
    String outcome() {
      if (timedOut) {
        return Messages.get("selfcheck.outcome.timeout", SelfCheckRun.DEADLINE.toSeconds());
      }
      return error == null ? "returned " + value : "threw " + Attempt.brief(error);
    }

    /** Describes statement {@code k} of this call, e.g. {@code #4 UPDATE products SET …}. */
    String statement(int k) {
      return statements.stream()
          .filter(s -> s.number() == k)
          .map(StatementRecord::describe)
          .findFirst()
          .orElse("#" + k);
    }
  }

  private final String label;
  private final Thread thread;
  private final CompletableFuture<Ended> done = new CompletableFuture<>();

  private SelfCheckCall(InstrumentedSource source, String label, FaultPlan plan, Body body) {
    this.label = label;
    this.thread = new Thread(() -> run(source, plan, body), "selfcheck " + label);
    thread.setDaemon(true);
  }

  /** Starts a call on a new thread. */
  static SelfCheckCall start(InstrumentedSource source, String label, FaultPlan plan, Body body) {
    SelfCheckCall call = new SelfCheckCall(source, label, plan, body);
    call.thread.start();
    return call;
  }

  private void run(InstrumentedSource source, FaultPlan plan, Body body) {
    CallScope scope = source.call(label, plan);
    Object value = null;
    Throwable error = null;
    try {
      value = body.run();
    } catch (Throwable t) {
      error = t;
    }
    List<StatementRecord> statements = scope.statements();
    source.closeLeakedBy(scope);
    scope.close();
    done.complete(new Ended(label, value, error, false, statements));
  }

  /** Tells whether the call has ended. */
  boolean isDone() {
    return done.isDone();
  }

  /** Completes when the call ends. */
  CompletableFuture<Ended> done() {
    return done;
  }

  /** Waits for the call to end, at most until the deadline that only stops code that never ends. */
  Ended await() {
    try {
      return done.get(SelfCheckRun.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return new Ended(label, null, null, true, List.of());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Ended(label, null, e, false, List.of());
    }
  }
}
