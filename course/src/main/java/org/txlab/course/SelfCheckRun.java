package org.txlab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.txlab.course.faults.FaultPlan;
import org.txlab.placeorder.ConnectionSource;

/**
 * One run of a self-check: the student's service factory, a scratch folder with a template shop
 * database, and a fresh copy of it for every scenario. Closing it deletes the folder.
 *
 * @param <S> the exercise's service type
 */
final class SelfCheckRun<S> implements AutoCloseable {
  /** How long one call may take, in seconds: a backstop against code that never ends. */
  static final long DEADLINE_SECONDS = 10;

  /** How long one call may take, as a duration. */
  static final Duration DEADLINE = Duration.ofSeconds(DEADLINE_SECONDS);

  /** What a scenario does with the service. */
  @FunctionalInterface
  interface Action<S> {
    Object run(S service) throws Exception;
  }

  /**
   * One call of a scenario.
   *
   * @param label how messages name it, e.g. {@code placeOrder(8, 1, 4)}
   * @param action what it does
   * @param <S> the service type
   */
  record Scenario<S>(String label, Action<S> action) {}

  /** The body of one check. */
  @FunctionalInterface
  interface CheckBody {
    SelfCheck.Check run() throws Exception;
  }

  /** Runs one check; a failure of the self-check's own machinery becomes the check's problem. */
  static SelfCheck.Check guard(String title, CheckBody body) {
    try {
      return body.run();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return SelfCheck.Check.failed(title, Messages.get("selfcheck.internal", Attempt.brief(e)));
    }
  }

  /** Starts one check on a thread of its own (the crash check, while the others run). */
  static java.util.concurrent.CompletableFuture<SelfCheck.Check> background(
      String title, CheckBody body) {
    java.util.concurrent.CompletableFuture<SelfCheck.Check> result =
        new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> result.complete(guard(title, body)), "selfcheck " + title);
    t.setDaemon(true);
    t.start();
    return result;
  }

  private final Function<ConnectionSource, ? extends S> create;
  private final Class<? extends RuntimeException> rejection;
  private final Path dir;
  private final Path template;
  private final AtomicInteger worlds = new AtomicInteger();

  SelfCheckRun(
      Function<ConnectionSource, ? extends S> create, Class<? extends RuntimeException> rejection) {
    this.create = create;
    this.rejection = rejection;
    this.dir = Scratch.dir("selfcheck");
    this.template = dir.resolve("template.db");
    try {
      Shop.create(template);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the self-check's shop database", e);
    }
  }

  /** Returns the base class of the exercise's clean rejections. */
  Class<? extends RuntimeException> rejection() {
    return rejection;
  }

  /** Returns the run's scratch folder. */
  Path dir() {
    return dir;
  }

  /** Opens a fresh shop database (a copy of the fixture) with its instrumented source. */
  SelfCheckWorld world() {
    Path db = dir.resolve("world-" + worlds.incrementAndGet() + ".db");
    try {
      Files.copy(template, db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SelfCheckWorld(db);
  }

  /** Makes the student's service on a source. */
  S service(ConnectionSource source) {
    return create.apply(source);
  }

  /** Starts a scenario's call in a world, under a plan. */
  SelfCheckCall start(SelfCheckWorld w, Scenario<S> s, FaultPlan plan) {
    return start(w, s, plan, service(w.source()));
  }

  /** Starts a scenario's call with a service made earlier (e.g. before a lock was taken). */
  SelfCheckCall start(SelfCheckWorld w, Scenario<S> s, FaultPlan plan, S service) {
    return SelfCheckCall.start(w.source(), s.label(), plan, () -> s.action().run(service));
  }

  /** Runs a scenario's call in a world, under a plan, and waits for it. */
  SelfCheckCall.Ended call(SelfCheckWorld w, Scenario<S> s, FaultPlan plan) {
    return start(w, s, plan).await();
  }

  /**
   * The clean run a hard check starts from: the scenario alone, in a world of its own.
   *
   * @param call how it ended
   * @param after what it left in the database
   */
  record Clean(SelfCheckCall.Ended call, SelfCheckState after) {
    /**
     * Tells whether the call returned and changed the database, on the connections it was given.
     */
    boolean placed() {
      return call.returned() && !after.sameAs(SelfCheckState.FIXTURE) && bypassed().isEmpty();
    }

    /**
     * The tables the call changed around the connections its source opened (a connection of its
     * own, or statements of the real connection unwrap returns): SQLite counted no change to them
     * by any statement of those connections, so no fault, rival or kill could reach them.
     */
    java.util.List<String> bypassed() {
      java.util.List<String> changed = new java.util.ArrayList<>();
      if (!after.stock().equals(SelfCheckState.FIXTURE.stock())) {
        changed.add("products");
      }
      if (!after.orders().equals(SelfCheckState.FIXTURE.orders())) {
        changed.add("orders");
      }
      changed.removeAll(org.txlab.course.jdbc.StatementRecord.tablesChanged(call.statements()));
      return changed;
    }
  }

  /** Runs a scenario alone in a fresh world. */
  Clean clean(Scenario<S> s) throws SQLException {
    try (SelfCheckWorld w = world()) {
      SelfCheckCall.Ended call = call(w, s, FaultPlan.NONE);
      return new Clean(call, w.state());
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // What is left goes with the scratch root when the JVM exits.
    }
  }
}
