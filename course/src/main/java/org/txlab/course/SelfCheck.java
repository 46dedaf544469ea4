package org.txlab.course;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.txlab.cart.CheckoutException;
import org.txlab.cart.CheckoutService;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.OrderService;
import org.txlab.placeorder.PlaceOrderException;

/**
 * The exercises' public self-checks, for a notebook cell or a test. In a notebook:
 *
 * <pre>{@code
 * SelfCheck.placeOrder(PlaceOrder::new)   // or SelfCheck.checkout(Checkout::new)
 * }</pre>
 *
 * <p>Besides what a correct call does when nothing goes wrong, they check the hard properties, each
 * deterministically: a failure injected at every statement of the transaction, another order run
 * between any two of the code's statements, another connection holding the write lock, and one real
 * crash (a child JVM running the class, killed with SIGKILL mid-transaction). The report names the
 * class it tested (with a fingerprint of its class file), refuses a notebook class whose cell did
 * not compile the last time it ran, and ends with how many hidden checks run at grading.
 */
public final class SelfCheck {

  /**
   * One check's outcome.
   *
   * @param check what was checked
   * @param passed whether it passed
   * @param problem what happened and what to do, in student language; empty when passed
   */
  public record Check(String check, boolean passed, String problem) {

    static Check passed(String check) {
      return new Check(check, true, "");
    }

    static Check failed(String check, String problem) {
      return new Check(check, false, problem);
    }
  }

  /**
   * A self-check's outcome. A notebook shows it as HTML ({@link #toHtml()}), anything else as text.
   *
   * @param exercise the exercise's id, e.g. {@code place-order}
   * @param tested which class was tested, e.g. {@code PlaceOrder (class fingerprint 3fa9c2d1,
   *     declared in a notebook cell)}
   * @param checks one per check, in order
   * @param hidden how many hidden checks run at grading, per category, in the grader's order
   */
  public record Report(
      String exercise, String tested, List<Check> checks, Map<String, Integer> hidden) {

    /** Copies the lists. */
    public Report {
      checks = List.copyOf(checks);
      hidden = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    /** Tells whether every check passed. */
    public boolean passed() {
      return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** Returns how many checks passed. */
    public long passedCount() {
      return checks.stream().filter(Check::passed).count();
    }

    /** Returns the outcomes as text: the class tested, one line per check, the counts. */
    @Override
    public String toString() {
      return SelfCheckRender.text(this);
    }

    /** Returns the outcomes as an HTML block: {@code <div class="txlab-selfcheck" …>}. */
    public String toHtml() {
      return SelfCheckRender.html(this);
    }
  }

  private SelfCheck() {}

  /**
   * Runs the place-order checks, each against a fresh shop database.
   *
   * @param create makes the student's service from a connection source, e.g. {@code
   *     PlaceOrder::new}; the class it makes must have a constructor taking a {@link
   *     ConnectionSource} (the crash check constructs it in a child JVM)
   * @return the outcomes
   */
  public static Report placeOrder(Function<ConnectionSource, ? extends OrderService> create) {
    return run("place-order", create, PlaceOrderException.class, SelfCheckPlaceOrder::checks);
  }

  /**
   * Runs the cart-checkout checks, each against a fresh shop database.
   *
   * @param create makes the student's service from a connection source, e.g. {@code Checkout::new};
   *     the class it makes must have a constructor taking a {@link ConnectionSource}
   * @return the outcomes
   */
  public static Report checkout(Function<ConnectionSource, ? extends CheckoutService> create) {
    return run("cart-checkout", create, CheckoutException.class, SelfCheckCart::checks);
  }

  /**
   * Runs the idempotent-checkout checks, each against a fresh shop database: a replay, a reused
   * key, a stored rejection, a failure at every statement then a retry, another order between any
   * two statements, and a real crash that loses the reply (a child JVM killed as it returns) then a
   * retry.
   *
   * @param create makes the student's service from a connection source, e.g. {@code
   *     IdempotentPlaceOrder::new}; the class must have a constructor taking a {@link
   *     ConnectionSource}
   * @return the outcomes
   */
  public static Report idempotentCheckout(
      Function<ConnectionSource, ? extends org.txlab.idempotency.IdempotentOrderService> create) {
    return run(
        "idempotent-checkout", create, PlaceOrderException.class, SelfCheckIdempotency::checks);
  }

  /**
   * Runs the outbox checks, each against a fresh shop database: an order announced once with its
   * details, a failure at every statement of placeOrder, a refused and a timed-out message, and a
   * real crash of the relay (a child JVM killed after the broker got a message, before the relay
   * marked it) then a new relay.
   *
   * @param create makes the student's order service from a connection source, e.g. {@code
   *     OutboxPlaceOrder::new}
   * @param relay makes the student's relay from a connection source and a broker, e.g. {@code
   *     OutboxRelay::new}; the class must have a constructor taking a {@link ConnectionSource} and
   *     a {@link org.txlab.outbox.Sink}
   * @return the outcomes
   */
  public static Report outbox(
      Function<ConnectionSource, ? extends org.txlab.outbox.OutboxOrderService> create,
      BiFunction<ConnectionSource, org.txlab.outbox.Sink, ? extends org.txlab.outbox.Relay> relay) {
    return SelfCheck.<org.txlab.outbox.OutboxOrderService>run(
        "outbox",
        create,
        PlaceOrderException.class,
        (r, subject) -> SelfCheckOutbox.checks(r, subject, relay));
  }

  /**
   * Runs the compensation checks, each against a fresh saga shop database and a scripted payment
   * provider: a paid and a declined checkout, a charge that times out and lands later, a failure at
   * every statement of a declined checkout then {@code resume()}, and a real crash (a child JVM
   * killed while the charge is on its way) then {@code resume()} twice in this JVM.
   *
   * @param create makes the student's saga, e.g. {@code PaymentCheckout::new}; the class must have
   *     a constructor taking a {@link ConnectionSource} and a {@link org.txlab.saga.Payments}
   * @return the outcomes
   */
  public static Report compensation(
      BiFunction<ConnectionSource, org.txlab.saga.Payments, ? extends org.txlab.saga.CheckoutSaga>
          create) {
    return SelfCheckCompensation.report(create);
  }

  /**
   * Runs the txlog checks: reads, awkward values after a restart, and small runs crashed at every
   * disk call (process crash, power loss, a crash in a checkpoint), each recovered by a fresh store
   * of the class.
   *
   * @param create makes the student's store on a disk, e.g. {@code TxStore::new}
   * @return the outcomes
   */
  public static Report txlog(
      Function<org.txlab.txlog.Disk, ? extends org.txlab.txlog.Store> create) {
    Map<String, Integer> hidden = SelfCheckHidden.counts("txlog");
    org.txlab.txlog.Store store;
    try {
      store = create.apply(org.txlab.course.txlog.RecordingDisk.empty());
    } catch (RuntimeException e) {
      return new Report(
          "txlog",
          Messages.get("selfcheck.tested.unknown"),
          List.of(
              Check.failed(
                  Messages.get("selfcheck.create"),
                  Messages.get("txlog.selfcheck.createFailed", Attempt.brief(e)))),
          hidden);
    }
    if (store == null) {
      return new Report(
          "txlog",
          Messages.get("selfcheck.tested.unknown"),
          List.of(
              Check.failed(
                  Messages.get("selfcheck.create"), Messages.get("txlog.selfcheck.createNull"))),
          hidden);
    }
    SelfCheckSubject subject = SelfCheckSubject.of(store.getClass());
    String tested = SelfCheckRender.tested(subject);
    if (subject.stale().isPresent()) {
      return new Report(
          "txlog",
          tested,
          List.of(
              Check.failed(
                  Messages.get("selfcheck.stale.check"),
                  Messages.get("selfcheck.stale", subject.stale().get(), subject.name()))),
          hidden);
    }
    return new Report("txlog", tested, SelfCheckTxLog.checks(create), hidden);
  }

  /**
   * Returns how many hidden checks an exercise's grading runs, per category.
   *
   * @param exercise the exercise's id, e.g. {@code place-order}
   * @return category to count, in the grader's order
   * @throws IllegalArgumentException if there is no such exercise
   */
  public static Map<String, Integer> hiddenChecks(String exercise) {
    return SelfCheckHidden.counts(exercise);
  }

  private static <S> Report run(
      String exercise,
      Function<ConnectionSource, ? extends S> create,
      Class<? extends RuntimeException> rejection,
      BiFunction<SelfCheckRun<S>, SelfCheckSubject, List<Check>> checks) {
    Map<String, Integer> hidden = SelfCheckHidden.counts(exercise);
    try (SelfCheckRun<S> run = new SelfCheckRun<>(create, rejection)) {
      Object service;
      try (SelfCheckWorld w = run.world()) {
        service = run.service(w.source());
      } catch (RuntimeException e) {
        String problem = Messages.get("selfcheck.create.failed", Attempt.brief(e));
        return new Report(
            exercise,
            Messages.get("selfcheck.tested.unknown"),
            List.of(Check.failed(Messages.get("selfcheck.create"), problem)),
            hidden);
      }
      if (service == null) {
        return new Report(
            exercise,
            Messages.get("selfcheck.tested.unknown"),
            List.of(
                Check.failed(
                    Messages.get("selfcheck.create"), Messages.get("selfcheck.create.null"))),
            hidden);
      }
      SelfCheckSubject subject = SelfCheckSubject.of(service.getClass());
      String tested = SelfCheckRender.tested(subject);
      if (subject.stale().isPresent()) {
        return new Report(
            exercise,
            tested,
            List.of(
                Check.failed(
                    Messages.get("selfcheck.stale.check"),
                    Messages.get("selfcheck.stale", subject.stale().get(), subject.name()))),
            hidden);
      }
      return new Report(exercise, tested, checks.apply(run, subject), hidden);
    }
  }
}
