package org.txlab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.patterns.Crash;
import org.txlab.course.patterns.SagaShop;
import org.txlab.course.patterns.ScriptedPayments;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;
import org.txlab.saga.CheckoutSaga;
import org.txlab.saga.PaymentFailedException;
import org.txlab.saga.PaymentStatus;
import org.txlab.saga.Payments;

/**
 * The compensation self-check: a paid and a declined checkout, a charge that times out and lands
 * later, a failure at every statement of a declined checkout then {@code resume()}, and a real
 * SIGKILL of a child JVM while the charge is on its way, then {@code resume()} twice in this JVM.
 * Each ends with the grader's invariant: nothing {@code PENDING}, {@code PAID} orders charged price
 * times quantity, {@code CANCELLED} ones holding nothing at the provider, and the stock the
 * fixture's less the paid quantities.
 */
final class SelfCheckCompensation implements AutoCloseable {
  private static final long KEYBOARD = 1;
  private static final Duration CHILD_DEADLINE = Duration.ofSeconds(30);

  private final BiFunction<ConnectionSource, Payments, ? extends CheckoutSaga> create;
  private final Path dir;
  private final Path template;
  private final AtomicInteger worlds = new AtomicInteger();

  SelfCheckCompensation(BiFunction<ConnectionSource, Payments, ? extends CheckoutSaga> create) {
    this.create = create;
    this.dir = Scratch.dir("selfcheck");
    this.template = dir.resolve("template.db");
    try {
      SagaShop.create(template);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the self-check's saga database", e);
    }
  }

  /** One order row, as the check reads it. */
  private record Row(long id, long productId, int quantity, String status) {
    @Override
    public String toString() {
      return "order " + id + " (" + quantity + " of product " + productId + ") " + status;
    }
  }

  /** Makes the saga once (to name the class tested), then runs the checks. */
  static SelfCheck.Report report(
      BiFunction<ConnectionSource, Payments, ? extends CheckoutSaga> create) {
    Map<String, Integer> hidden = SelfCheckHidden.counts("compensation");
    Object saga;
    try (SelfCheckCompensation run = new SelfCheckCompensation(create);
        SelfCheckWorld w = run.world()) {
      saga = create.apply(w.source(), ScriptedPayments.paying());
    } catch (RuntimeException e) {
      return new SelfCheck.Report(
          "compensation",
          Messages.get("selfcheck.tested.unknown"),
          List.of(
              SelfCheck.Check.failed(
                  Messages.get("selfcheck.create"),
                  Messages.get("selfcheck.create.failed", Attempt.brief(e)))),
          hidden);
    }
    if (saga == null) {
      return new SelfCheck.Report(
          "compensation",
          Messages.get("selfcheck.tested.unknown"),
          List.of(
              SelfCheck.Check.failed(
                  Messages.get("selfcheck.create"), Messages.get("selfcheck.create.null"))),
          hidden);
    }
    SelfCheckSubject subject = SelfCheckSubject.of(saga.getClass());
    String tested = SelfCheckRender.tested(subject);
    if (subject.stale().isPresent()) {
      return new SelfCheck.Report(
          "compensation",
          tested,
          List.of(
              SelfCheck.Check.failed(
                  Messages.get("selfcheck.stale.check"),
                  Messages.get("selfcheck.stale", subject.stale().get(), subject.name()))),
          hidden);
    }
    return new SelfCheck.Report("compensation", tested, checks(create, subject), hidden);
  }

  static List<SelfCheck.Check> checks(
      BiFunction<ConnectionSource, Payments, ? extends CheckoutSaga> create,
      SelfCheckSubject subject) {
    try (SelfCheckCompensation run = new SelfCheckCompensation(create)) {
      String crashTitle = Messages.get("selfcheck.saga.crash");
      CompletableFuture<SelfCheck.Check> crash =
          SelfCheckRun.background(crashTitle, () -> run.crashThenResumeTwice(crashTitle, subject));
      List<SelfCheck.Check> out = new ArrayList<>();
      String paid = Messages.get("selfcheck.saga.paid");
      out.add(SelfCheckRun.guard(paid, () -> run.paid(paid)));
      String declined = Messages.get("selfcheck.saga.declined");
      out.add(SelfCheckRun.guard(declined, () -> run.declined(declined)));
      String late = Messages.get("selfcheck.saga.late");
      out.add(SelfCheckRun.guard(late, () -> run.late(late)));
      String faults = Messages.get("selfcheck.saga.faults");
      out.add(SelfCheckRun.guard(faults, () -> run.faults(faults)));
      out.add(crash.join());
      return out;
    }
  }

  private SelfCheck.Check paid(String title) throws SQLException {
    try (SelfCheckWorld w = world()) {
      ScriptedPayments p = ScriptedPayments.paying();
      SelfCheckCall.Ended c = checkout(w, p, 2, FaultPlan.NONE);
      if (!c.returned()
          || !(c.value() instanceof Order o)
          || o.productId() != KEYBOARD
          || o.quantity() != 2) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.expected.order", c.label(), c.outcome()));
      }
      String problem = unsettled(w, p, "after " + c.label() + " " + c.outcome());
      if (problem == null && !rows(w).equals(List.of(new Row(o.id(), KEYBOARD, 2, "PAID")))) {
        problem = Messages.get("selfcheck.saga.rows", c.label(), "PAID", rows(w).toString());
      }
      return problem == null
          ? SelfCheck.Check.passed(title)
          : SelfCheck.Check.failed(title, problem + " " + Messages.get("selfcheck.saga.hint.paid"));
    }
  }

  private SelfCheck.Check declined(String title) throws SQLException {
    try (SelfCheckWorld w = world()) {
      ScriptedPayments p = declining();
      SelfCheckCall.Ended c = checkout(w, p, 1, FaultPlan.NONE);
      if (!(c.error() instanceof PaymentFailedException)) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.expected.exception",
                c.label(),
                PaymentFailedException.class.getSimpleName(),
                c.outcome()));
      }
      String problem = unsettled(w, p, "after " + c.label() + ", declined, " + c.outcome());
      List<Row> rows = rows(w);
      if (problem == null && (rows.size() != 1 || !rows.get(0).status().equals("CANCELLED"))) {
        problem = Messages.get("selfcheck.saga.rows", c.label(), "CANCELLED", rows.toString());
      }
      return problem == null
          ? SelfCheck.Check.passed(title)
          : SelfCheck.Check.failed(
              title, problem + " " + Messages.get("selfcheck.saga.hint.declined"));
    }
  }

  private SelfCheck.Check late(String title) throws SQLException {
    try (SelfCheckWorld w = world()) {
      ScriptedPayments p =
          ScriptedPayments.firstCharge(ScriptedPayments.ChargeOutcome.LATE, Crash.NEVER);
      SelfCheckCall.Ended c = checkout(w, p, 1, FaultPlan.NONE);
      if (!c.returned() && !(c.error() instanceof PaymentFailedException)) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.expected.exception",
                c.label(),
                PaymentFailedException.class.getSimpleName(),
                c.outcome()));
      }
      p.landLate();
      String problem =
          unsettled(
              w,
              p,
              "after " + c.label() + " (its charge timed out, and landed later) " + c.outcome());
      return problem == null
          ? SelfCheck.Check.passed(title)
          : SelfCheck.Check.failed(title, problem + " " + Messages.get("selfcheck.saga.hint.late"));
    }
  }

  private SelfCheck.Check faults(String title) throws SQLException {
    SelfCheckCall.Ended clean;
    try (SelfCheckWorld w = world()) {
      clean = checkout(w, declining(), 1, FaultPlan.NONE);
      if (rows(w).isEmpty()) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.saga.notReserved", clean.label(), clean.outcome()));
      }
    }
    for (int k : SelfCheckFaults.faultable(clean.statements())) {
      try (SelfCheckWorld w = world()) {
        ScriptedPayments p = declining();
        SelfCheckCall.Ended failed = checkout(w, p, 1, FaultPlan.failing(k));
        String statement = clean.statement(k);
        if (failed.timedOut()) {
          return SelfCheck.Check.failed(
              title, Messages.get("selfcheck.faults.timeout", statement, failed.outcome()));
        }
        SelfCheckCall.Ended r = resume(w, p);
        String problem =
            unsettled(
                w,
                p,
                Messages.get(
                    "selfcheck.saga.afterFault",
                    statement,
                    clean.label(),
                    failed.outcome(),
                    r.outcome()));
        if (problem != null) {
          return SelfCheck.Check.failed(
              title, problem + " " + Messages.get("selfcheck.saga.hint.faults"));
        }
      }
    }
    return SelfCheck.Check.passed(title);
  }

  /** A child JVM is killed while the charge is on its way; resume() here settles it, once. */
  private SelfCheck.Check crashThenResumeTwice(String title, SelfCheckSubject subject)
      throws SQLException {
    Path db;
    try (SelfCheckWorld w = world()) {
      db = w.db();
    }
    List<Path> classpath;
    try {
      classpath = subject.classpath(dir);
    } catch (RuntimeException e) {
      return SelfCheck.Check.failed(
          title, Messages.get("selfcheck.crash.cannotStart", e.getMessage()));
    }
    String label = "checkout(5, 1, 1)";
    ChildJvm.Builder builder =
        ChildJvm.builder(SagaCheckoutProcess.class.getName())
            .args(db.toString(), subject.type().getName(), "5", "1", "1")
            .killAt(SagaCheckoutProcess.CHARGE)
            .classpath(classpath)
            .property("org.sqlite.tmpdir", dir.toString())
            .label("selfcheck-crash");
    try (ChildJvm jvm = builder.start()) {
      ChildJvm.Signal signal = jvm.next(CHILD_DEADLINE);
      while (!signal.kind().equals(Child.KILL_POINT)
          && !signal.kind().equals(Child.RESULT)
          && !signal.kind().equals(Child.ERROR)) {
        signal = jvm.next(CHILD_DEADLINE);
      }
      if (!signal.kind().equals(Child.KILL_POINT)) {
        String did =
            (signal.kind().equals(Child.RESULT) ? "returned " : "threw ") + signal.payload();
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.crash.noKillPoint",
                label,
                did,
                Messages.get("selfcheck.saga.killPoint")));
      }
      jvm.kill();
    } catch (ChildJvmException e) {
      return SelfCheck.Check.failed(
          title,
          Messages.get(
              "selfcheck.crash.childFailed",
              label,
              e.getMessage().replace(dir.toString(), Scratch.name(dir))));
    }
    // The provider never saw the charge: a fresh one holds what the dead process's did.
    ScriptedPayments p = ScriptedPayments.paying();
    try (SelfCheckWorld w = new SelfCheckWorld(db)) {
      SelfCheckCall.Ended first = resume(w, p);
      String when = Messages.get("selfcheck.saga.afterCrash", label, first.outcome());
      String problem = first.returned() ? unsettled(w, p, when) : null;
      if (!first.returned() || problem != null) {
        return SelfCheck.Check.failed(
            title,
            (problem == null
                    ? Messages.get("selfcheck.saga.resumeFailed", first.outcome())
                    : problem)
                + " "
                + Messages.get("selfcheck.saga.hint.resume"));
      }
      List<Row> rows = rows(w);
      String stock = Long.toString(Shop.stock(w.plain(2000), KEYBOARD));
      SelfCheckCall.Ended second = resume(w, p);
      List<Row> rowsAfter = rows(w);
      String stockAfter = Long.toString(Shop.stock(w.plain(2000), KEYBOARD));
      if (!second.returned()
          || !Integer.valueOf(0).equals(second.value())
          || !rowsAfter.equals(rows)
          || !stockAfter.equals(stock)) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                    "selfcheck.saga.resumeTwice",
                    second.outcome(),
                    rows.toString(),
                    stock,
                    rowsAfter.toString(),
                    stockAfter)
                + " "
                + Messages.get("selfcheck.saga.hint.resume"));
      }
    }
    return SelfCheck.Check.passed(title);
  }

  private SelfCheckWorld world() {
    Path db = dir.resolve("world-" + worlds.incrementAndGet() + ".db");
    try {
      Files.copy(template, db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SelfCheckWorld(db);
  }

  private SelfCheckCall.Ended checkout(SelfCheckWorld w, Payments p, int quantity, FaultPlan plan) {
    CheckoutSaga saga = create.apply(w.source(), p);
    return SelfCheckCall.start(
            w.source(),
            "checkout(5, 1, " + quantity + ")",
            plan,
            () -> saga.checkout(5, KEYBOARD, quantity))
        .await();
  }

  private SelfCheckCall.Ended resume(SelfCheckWorld w, Payments p) {
    CheckoutSaga saga = create.apply(w.source(), p);
    return SelfCheckCall.start(w.source(), "resume()", FaultPlan.NONE, saga::resume).await();
  }

  private static ScriptedPayments declining() {
    return new ScriptedPayments(
        (orderId, attempt) -> ScriptedPayments.ChargeOutcome.DECLINE, Crash.NEVER, c -> {});
  }

  private static List<Row> rows(SelfCheckWorld w) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = w.plain(2000).open();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, product_id, quantity, status FROM orders ORDER BY id LIMIT 100")) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)));
      }
    }
    return rows;
  }

  /** Says what is not settled, or returns {@code null}: the grader's invariant at quiescence. */
  private static String unsettled(SelfCheckWorld w, ScriptedPayments p, String when)
      throws SQLException {
    Map<Long, Long> paid = new LinkedHashMap<>();
    for (Row r : rows(w)) {
      ScriptedPayments.Account a = p.account(r.id());
      long due = price(r.productId()) * r.quantity();
      switch (r.status()) {
        case "PAID" -> {
          if (a.status() != PaymentStatus.CHARGED || a.amountCents() != due) {
            return Messages.get(
                "selfcheck.saga.paidNotCharged", when, r.toString(), Long.toString(due), held(a));
          }
          paid.merge(r.productId(), (long) r.quantity(), Long::sum);
        }
        case "CANCELLED" -> {
          if (a.status() == PaymentStatus.CHARGED || a.lateCharge()) {
            return Messages.get("selfcheck.saga.cancelledCharged", when, r.toString(), held(a));
          }
        }
        default -> {
          return Messages.get("selfcheck.saga.pending", when, r.toString());
        }
      }
    }
    for (Shop.Product f : Shop.FIXTURES) {
      long expected = f.stock() - paid.getOrDefault(f.id(), 0L);
      long actual = Shop.stock(w.plain(2000), f.id());
      if (actual != expected) {
        return Messages.get(
            "selfcheck.saga.stock",
            when,
            Long.toString(f.id()),
            Long.toString(expected),
            Long.toString(actual));
      }
    }
    return null;
  }

  private static String held(ScriptedPayments.Account a) {
    String cents = Long.toString(a.amountCents());
    return switch (a.status()) {
      case CHARGED -> Messages.get("selfcheck.saga.held.charged", cents);
      case REFUNDED -> Messages.get("selfcheck.saga.held.refunded", cents);
      case NONE ->
          a.lateCharge()
              ? Messages.get("selfcheck.saga.held.late", cents)
              : Messages.get("selfcheck.saga.held.none");
    };
  }

  private static long price(long productId) {
    return Shop.FIXTURES.stream()
        .filter(p -> p.id() == productId)
        .mapToLong(Shop.Product::priceCents)
        .findFirst()
        .orElse(0);
  }

  @Override
  public void close() {
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // What is left goes with the scratch root when the JVM exits.
    }
  }
}
