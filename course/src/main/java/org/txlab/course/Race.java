package org.txlab.course;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts racers together, threads or processes, and collects how each one ended.
 *
 * <p>Racers wait at a start gate until all of them are ready, so the race is as tight as the
 * machine allows; what happens next is up to the code under test.
 */
public final class Race {

  /**
   * How one racer ended.
   *
   * @param racer the racer's index, from 0
   * @param value its result if it succeeded, else {@code null}
   * @param error its exception if it failed, else {@code null}
   * @param <T> the result's type
   */
  public record Outcome<T>(int racer, T value, Throwable error) {

    /** Tells whether the racer returned normally. */
    public boolean succeeded() {
      return error == null;
    }
  }

  /**
   * The body of one thread racer.
   *
   * @param <T> its result's type
   */
  @FunctionalInterface
  public interface Racer<T> {

    /**
     * Runs the racer.
     *
     * @param index the racer's index, from 0
     * @return its result
     * @throws Exception if it fails
     */
    T run(int index) throws Exception;
  }

  private Race() {}

  /**
   * Runs {@code n} threads that start together and returns their outcomes in racer order.
   *
   * @param n how many threads
   * @param racer what each thread does
   * @param timeout how long all of them may take; a racer still running then ends in a {@link
   *     TimeoutException} outcome and is interrupted
   * @param <T> the result's type
   * @return one outcome per racer
   */
  public static <T> List<Outcome<T>> threads(int n, Racer<T> racer, Duration timeout) {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "racer");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return racer.run(index);
                }));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      await(ready, deadline);
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        outcomes.add(outcome(i, futures.get(i), deadline));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts one child per builder behind a start barrier, releases them together and returns how
   * each one's scenario ended ({@link Child#RESULT} or {@link Child#ERROR}).
   *
   * @param racers the children to start; {@link ChildJvm.Builder#barrier()} is set on each
   * @param timeout how long starting and racing may take, per child
   * @return one signal per racer, in order
   * @throws ChildJvmException if a child dies or hangs
   */
  public static List<ChildJvm.Signal> processes(List<ChildJvm.Builder> racers, Duration timeout) {
    List<ChildJvm> children = new ArrayList<>();
    try {
      for (ChildJvm.Builder racer : racers) {
        children.add(racer.barrier().start());
      }
      for (ChildJvm child : children) {
        child.await(Child.READY, timeout);
      }
      for (ChildJvm child : children) {
        child.go();
      }
      List<ChildJvm.Signal> outcomes = new ArrayList<>();
      for (ChildJvm child : children) {
        outcomes.add(child.awaitOutcome(timeout));
      }
      return outcomes;
    } finally {
      children.forEach(ChildJvm::close);
    }
  }

  private static void await(CountDownLatch latch, long deadline) {
    try {
      latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> Outcome<T> outcome(int racer, Future<T> future, long deadline) {
    try {
      return new Outcome<>(
          racer, future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null);
    } catch (ExecutionException e) {
      return new Outcome<>(racer, null, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Outcome<>(racer, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome<>(racer, null, e);
    }
  }
}
