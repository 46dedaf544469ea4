package org.txlab.course;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.txlab.cart.CheckoutException;
import org.txlab.cart.CheckoutService;
import org.txlab.cart.EmptyCartException;
import org.txlab.cart.InvalidLineException;
import org.txlab.cart.Line;
import org.txlab.cart.LineOutOfStockException;
import org.txlab.cart.UnknownLineProductException;
import org.txlab.course.faults.FaultPlan;
import org.txlab.placeorder.Order;

/**
 * The cart-checkout self-check: several lines, all or none. The fixture has 10 keyboards (1), 3
 * mice (2) and the last lamp (3).
 */
final class SelfCheckCart {
  private static final long KEYBOARD = 1;
  private static final long MOUSE = 2;
  private static final long LAMP = 3;

  private SelfCheckCart() {}

  static SelfCheckRun.Scenario<CheckoutService> cart(long user, Line... lines) {
    List<Line> cart = List.of(lines);
    return new SelfCheckRun.Scenario<>(
        "checkout(" + user + ", " + describe(cart) + ")", s -> s.checkout(user, cart));
  }

  static String describe(List<Line> lines) {
    List<String> parts = new ArrayList<>();
    for (Line l : lines) {
      parts.add(l.quantity() + " of product " + l.productId());
    }
    return "[" + String.join(", ", parts) + "]";
  }

  private static Line line(long product, int quantity) {
    return new Line(product, quantity);
  }

  static List<SelfCheck.Check> checks(SelfCheckRun<CheckoutService> run, SelfCheckSubject subject) {
    String crashTitle = Messages.get("selfcheck.cart.crash");
    List<Line> crashLines = List.of(line(LAMP, 1), line(KEYBOARD, 3));
    SelfCheckRun.Scenario<CheckoutService> crashed = cart(13, crashLines.toArray(Line[]::new));
    CompletableFuture<SelfCheck.Check> crash =
        SelfCheckRun.background(
            crashTitle,
            () ->
                SelfCheckCrash.run(
                    run,
                    crashTitle,
                    crashed,
                    subject,
                    (db, clean) -> {
                      // Right before the last write: the cart as far as it goes without ending.
                      int n = Math.max(1, SelfCheckFaults.writes(clean.call().statements()) - 1);
                      List<String> args =
                          new ArrayList<>(
                              List.of(
                                  db.toString(),
                                  subject.type().getName(),
                                  "13",
                                  Integer.toString(n)));
                      for (Line l : crashLines) {
                        args.add(Long.toString(l.productId()));
                        args.add(Integer.toString(l.quantity()));
                      }
                      return ChildJvm.builder(CheckoutProcess.class.getName())
                          .args(args.toArray(String[]::new))
                          .killAt(CheckoutProcess.MID_CART);
                    },
                    Messages.get("selfcheck.cart.killPoint")));
    List<SelfCheck.Check> checks = new ArrayList<>();
    checks.add(stored(run));
    checks.add(
        rejectedLine(
            run,
            "selfcheck.cart.unknown",
            cart(2, line(LAMP, 1), line(MOUSE, 1), line(404, 2)),
            UnknownLineProductException.class,
            3));
    checks.add(
        rejectedLine(
            run,
            "selfcheck.cart.tooMany",
            cart(2, line(LAMP, 1), line(KEYBOARD, 11)),
            LineOutOfStockException.class,
            2));
    checks.add(invalid(run));
    checks.add(duplicates(run));
    checks.add(lineOrder(run));
    String faults = Messages.get("selfcheck.cart.faults");
    checks.add(
        SelfCheckRun.guard(
            faults,
            () ->
                SelfCheckFaults.everyStatement(
                    run,
                    faults,
                    cart(8, line(KEYBOARD, 4), line(MOUSE, 1), line(LAMP, 1)),
                    "selfcheck.hint.cartAtomicity")));
    String rival = Messages.get("selfcheck.cart.rival");
    checks.add(
        SelfCheckRun.guard(
            rival,
            () ->
                SelfCheckIsolation.rivalAtEveryBoundary(
                    run,
                    rival,
                    cart(21, line(MOUSE, 1), line(KEYBOARD, 7)),
                    KEYBOARD,
                    5,
                    "selfcheck.hint.rival")));
    checks.add(crash.join());
    return checks;
  }

  private static SelfCheck.Check stored(SelfCheckRun<CheckoutService> run) {
    String title = Messages.get("selfcheck.cart.stored");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            List<Line> lines = List.of(line(KEYBOARD, 2), line(MOUSE, 1), line(LAMP, 1));
            String problem = served(run, w, 44, lines);
            if (!problem.isEmpty()) {
              return SelfCheck.Check.failed(title, problem);
            }
            SelfCheckState expected =
                SelfCheckState.FIXTURE.plus(44, KEYBOARD, 2).plus(44, MOUSE, 1).plus(44, LAMP, 1);
            SelfCheckState after = w.state();
            return after.sameAs(expected)
                ? SelfCheck.Check.passed(title)
                : SelfCheck.Check.failed(
                    title,
                    Messages.get(
                        "selfcheck.expected.state",
                        "checkout(44, " + describe(lines) + ")",
                        expected.describe(),
                        after.describe()));
          }
        });
  }

  /**
   * Checks a cart out that must be served: one stored order per line, returned in the cart's order.
   *
   * @return the problem, or an empty string
   */
  private static String served(
      SelfCheckRun<CheckoutService> run, SelfCheckWorld w, long user, List<Line> lines)
      throws Exception {
    SelfCheckRun.Scenario<CheckoutService> s =
        new SelfCheckRun.Scenario<>(
            "checkout(" + user + ", " + describe(lines) + ")", c -> c.checkout(user, lines));
    SelfCheckCall.Ended call = run.call(w, s, FaultPlan.NONE);
    if (!call.returned()) {
      return Messages.get("selfcheck.expected.order", call.label(), call.outcome());
    }
    if (!(call.value() instanceof List<?> orders) || orders.size() != lines.size()) {
      return Messages.get("selfcheck.cart.notOrders", call.label(), lines.size(), call.outcome());
    }
    for (int i = 0; i < lines.size(); i++) {
      if (!(orders.get(i) instanceof Order o)
          || o.productId() != lines.get(i).productId()
          || o.quantity() != lines.get(i).quantity()
          || o.userId() != user) {
        return Messages.get("selfcheck.cart.resultOrder", call.label(), orders);
      }
    }
    List<Order> stored = Shop.orders(w.plain(2000));
    if (!stored.containsAll(orders)) {
      return Messages.get("selfcheck.expected.stored", orders, stored);
    }
    return "";
  }

  /** A rejection naming a line: the call throws {@code expected} with that line, writes nothing. */
  private static SelfCheck.Check rejectedLine(
      SelfCheckRun<CheckoutService> run,
      String key,
      SelfCheckRun.Scenario<CheckoutService> s,
      Class<? extends CheckoutException> expected,
      int line) {
    String title = Messages.get(key);
    SelfCheck.Check typed = SelfCheckPlaceOrder.rejected(run, key, s, expected);
    if (!typed.passed()) {
      return typed;
    }
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            SelfCheckCall.Ended call = run.call(w, s, FaultPlan.NONE);
            int named = call.error() instanceof CheckoutException c ? c.line() : -1;
            return named == line
                ? SelfCheck.Check.passed(title)
                : SelfCheck.Check.failed(
                    title,
                    Messages.get(
                        "selfcheck.cart.wrongLine",
                        call.label(),
                        expected.getSimpleName(),
                        line,
                        named));
          }
        });
  }

  private static SelfCheck.Check invalid(SelfCheckRun<CheckoutService> run) {
    SelfCheck.Check empty =
        SelfCheckPlaceOrder.rejected(
            run, "selfcheck.cart.invalid", cart(2), EmptyCartException.class);
    if (!empty.passed()) {
      return empty;
    }
    return rejectedLine(
        run,
        "selfcheck.cart.invalid",
        cart(2, line(LAMP, 1), line(KEYBOARD, 2), line(MOUSE, -1)),
        InvalidLineException.class,
        3);
  }

  private static SelfCheck.Check duplicates(SelfCheckRun<CheckoutService> run) {
    SelfCheck.Check tooMany =
        rejectedLine(
            run,
            "selfcheck.cart.duplicates",
            cart(2, line(KEYBOARD, 6), line(KEYBOARD, 5)),
            LineOutOfStockException.class,
            2);
    if (!tooMany.passed()) {
      return tooMany;
    }
    String title = Messages.get("selfcheck.cart.duplicates");
    return SelfCheckRun.guard(
        title,
        () -> {
          try (SelfCheckWorld w = run.world()) {
            List<Line> lines = List.of(line(KEYBOARD, 4), line(KEYBOARD, 5));
            String problem = served(run, w, 7, lines);
            SelfCheckState after = w.state();
            SelfCheckState expected =
                SelfCheckState.FIXTURE.plus(7, KEYBOARD, 4).plus(7, KEYBOARD, 5);
            if (problem.isEmpty() && !after.sameAs(expected)) {
              problem =
                  Messages.get(
                      "selfcheck.expected.state",
                      "checkout(7, " + describe(lines) + ")",
                      expected.describe(),
                      after.describe());
            }
            return problem.isEmpty()
                ? SelfCheck.Check.passed(title)
                : SelfCheck.Check.failed(title, problem);
          }
        });
  }

  private static SelfCheck.Check lineOrder(SelfCheckRun<CheckoutService> run) {
    String title = Messages.get("selfcheck.cart.lineOrder");
    return SelfCheckRun.guard(
        title,
        () -> {
          List<Line> forward = List.of(line(MOUSE, 2), line(KEYBOARD, 3));
          List<Line> backward = List.of(line(KEYBOARD, 3), line(MOUSE, 2));
          SelfCheckState expected = SelfCheckState.FIXTURE.plus(6, MOUSE, 2).plus(6, KEYBOARD, 3);
          for (List<Line> lines : List.of(forward, backward)) {
            try (SelfCheckWorld w = run.world()) {
              String problem = served(run, w, 6, lines);
              SelfCheckState after = w.state();
              if (problem.isEmpty() && !after.sameAs(expected)) {
                problem =
                    Messages.get(
                        "selfcheck.expected.state",
                        "checkout(6, " + describe(lines) + ")",
                        expected.describe(),
                        after.describe());
              }
              if (!problem.isEmpty()) {
                return SelfCheck.Check.failed(title, problem);
              }
            }
          }
          return SelfCheck.Check.passed(title);
        });
  }
}
