package org.txlab.course;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.Controller;

/**
 * The self-check's side of one instrumented source: it tells when the call it controls paused or
 * began to wait for a lock, holds a paused call until it is resumed, and stops the busy timeout's
 * clock while a peer the self-check controls is still in flight, so that no correct wait can time
 * out on a slow machine.
 */
final class SelfCheckGate implements Controller {
  private final CompletableFuture<Integer> paused = new CompletableFuture<>();
  private final CompletableFuture<Integer> waited = new CompletableFuture<>();
  private final CountDownLatch resume = new CountDownLatch(1);
  private volatile BooleanSupplier peerInFlight = () -> false;
  private volatile Runnable onWait = () -> {};

  /** Completes with the next statement's number when the call pauses. */
  CompletableFuture<Integer> paused() {
    return paused;
  }

  /** Completes with the waiting statement's number when the call first waits for a lock. */
  CompletableFuture<Integer> waited() {
    return waited;
  }

  /** Lets a paused call go on (now, or at once when it pauses later). */
  void resume() {
    resume.countDown();
  }

  /** Stops the busy timeout's clock of this source's calls while {@code peer} says so. */
  void clockStoppedWhile(BooleanSupplier peer) {
    this.peerInFlight = peer;
  }

  /** Runs {@code action} whenever a call of this source begins to wait for a lock. */
  void onWait(Runnable action) {
    this.onWait = action;
  }

  @Override
  public void pause(CallScope call, int next) {
    paused.complete(next);
    try {
      // Only a backstop: the self-check resumes every call it pauses.
      resume.await(SelfCheckRun.DEADLINE.toMillis() * 3, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void lockWait(CallScope call, int statement) {
    waited.complete(statement);
    onWait.run();
  }

  @Override
  public boolean clockStopped(CallScope call) {
    return peerInFlight.getAsBoolean();
  }
}
