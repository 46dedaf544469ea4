package org.txlab.course;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.txlab.course.faults.FaultPlan;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.OrderService;
import org.txlab.placeorder.UnknownProductException;

/**
 * The place-order self-check: what a correct {@code placeOrder} does when nothing goes wrong, then
 * the hard properties. The fixture has 10 keyboards (1), 3 mice (2) and the last lamp (3).
 */
final class SelfCheckPlaceOrder {
  private static final long KEYBOARD = 1;
  private static final long MOUSE = 2;
  private static final long LAMP = 3;

  private SelfCheckPlaceOrder() {}

  static SelfCheckRun.Scenario<OrderService> order(long user, long product, int quantity) {
    return new SelfCheckRun.Scenario<>(
        "placeOrder(" + user + ", " + product + ", " + quantity + ")",
        s -> s.placeOrder(user, product, quantity));
  }

  static List<SelfCheck.Check> checks(SelfCheckRun<OrderService> run, SelfCheckSubject subject) {
    String crashTitle = Messages.get("selfcheck.po.crash");
    SelfCheckRun.Scenario<OrderService> crashed = order(13, MOUSE, 2);
    CompletableFuture<SelfCheck.Check> crash =
        SelfCheckRun.background(
            crashTitle,
            () ->
                SelfCheckCrash.run(
                    run,
                    crashTitle,
                    crashed,
                    subject,
                    (db, clean) ->
                        ChildJvm.builder(PlaceOrderProcess.class.getName())
                            .args(db.toString(), subject.type().getName(), "13", "2", "2")
                            .killAt("after-stock-update"),
                    Messages.get("selfcheck.po.killPoint")));
    List<SelfCheck.Check> checks = new ArrayList<>();
    checks.add(stored(run));
    checks.add(
        rejected(run, "selfcheck.po.unknown", order(2, 404, 1), UnknownProductException.class));
    checks.add(
        rejected(
            run, "selfcheck.po.tooMany", order(2, MOUSE, 5), InsufficientStockException.class));
    checks.add(
        rejected(run, "selfcheck.po.zero", order(2, MOUSE, 0), InvalidQuantityException.class));
    checks.add(lastUnit(run));
    String faults = Messages.get("selfcheck.po.faults");
    checks.add(
        SelfCheckRun.guard(
            faults,
            () ->
                SelfCheckFaults.everyStatement(
                    run, faults, order(8, KEYBOARD, 4), "selfcheck.hint.atomicity")));
    String rival = Messages.get("selfcheck.po.rival");
    checks.add(
        SelfCheckRun.guard(
            rival,
            () ->
                SelfCheckIsolation.rivalAtEveryBoundary(
                    run, rival, order(21, KEYBOARD, 7), KEYBOARD, 5, "selfcheck.hint.rival")));
    checks.add(lockHolder(run));
    checks.add(crash.join());
    return checks;
  }

  private static SelfCheck.Check stored(SelfCheckRun<OrderService> run) {
    String title = Messages.get("selfcheck.po.stored");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckCall.Ended call = run.call(w, order(41, KEYBOARD, 3), FaultPlan.NONE);
            if (!call.returned()) {
              return SelfCheck.Check.failed(
                  title, Messages.get("selfcheck.expected.order", call.label(), call.outcome()));
            }
            long stock = Shop.stock(w.plain(2000), KEYBOARD);
            if (stock != 7) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get("selfcheck.expected.stock", KEYBOARD, 7, call.label(), stock));
            }
            List<Order> orders = Shop.orders(w.plain(2000));
            if (orders.size() != 1 || !orders.get(0).equals(call.value())) {
              return SelfCheck.Check.failed(
                  title, Messages.get("selfcheck.expected.stored", call.value(), orders));
            }
            return SelfCheck.Check.passed(title);
          }
        });
  }

  private static SelfCheck.Check lastUnit(SelfCheckRun<OrderService> run) {
    String title = Messages.get("selfcheck.po.lastUnit");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckCall.Ended call = run.call(w, order(4, LAMP, 1), FaultPlan.NONE);
            if (!call.returned()) {
              return SelfCheck.Check.failed(
                  title, Messages.get("selfcheck.expected.order", call.label(), call.outcome()));
            }
            long stock = Shop.stock(w.plain(2000), LAMP);
            return stock == 0
                ? SelfCheck.Check.passed(title)
                : SelfCheck.Check.failed(
                    title, Messages.get("selfcheck.expected.stock", LAMP, 0, call.label(), stock));
          }
        });
  }

  /** A rejection: the call throws {@code expected} and writes nothing. */
  static <S> SelfCheck.Check rejected(
      SelfCheckRun<S> run, String key, SelfCheckRun.Scenario<S> s, Class<?> expected) {
    String title = Messages.get(key);
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckCall.Ended call = run.call(w, s, FaultPlan.NONE);
            if (!expected.isInstance(call.error())) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.expected.exception",
                      call.label(),
                      expected.getSimpleName(),
                      call.outcome()));
            }
            SelfCheckState after = w.state();
            if (!after.sameAs(SelfCheckState.FIXTURE)) {
              return SelfCheck.Check.failed(
                  title,
                  Messages.get(
                      "selfcheck.expected.nothing",
                      call.label(),
                      after.changesSince(SelfCheckState.FIXTURE)));
            }
            return SelfCheck.Check.passed(title);
          }
        });
  }

  private static SelfCheck.Check lockHolder(SelfCheckRun<OrderService> run) {
    String title = Messages.get("selfcheck.po.holder");
    return SelfCheckRun.guard(
        title,
        () -> {
          SelfCheckRun.Scenario<OrderService> tooFew = order(31, KEYBOARD, 7);
          SelfCheckRun.Scenario<OrderService> keyboards = order(32, KEYBOARD, 4);
          SelfCheckRun.Clean clean = run.clean(keyboards);
          if (!clean.placed()) {
            return SelfCheckFaults.notChecked(title, clean);
          }
          String problem =
              SelfCheckIsolation.lockHolder(
                  run, tooFew, KEYBOARD, 5, false, clean, "selfcheck.hint.holder");
          if (problem.isEmpty()) {
            problem =
                SelfCheckIsolation.lockHolder(
                    run, keyboards, KEYBOARD, 3, true, clean, "selfcheck.hint.holder");
          }
          return problem.isEmpty()
              ? SelfCheck.Check.passed(title)
              : SelfCheck.Check.failed(title, problem);
        });
  }
}
