package org.txlab.course;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.txlab.cart.CheckoutService;
import org.txlab.cart.Line;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.Controller;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * A child-process scenario: check one cart out with a {@link CheckoutService} implementation
 * against a shop database.
 *
 * <p>Arguments: {@code <db> <implementation class> <userId> <n> <productId> <quantity> […]}, one
 * pair per line. The class must have a constructor taking a {@link ConnectionSource}. Kill points:
 * {@value #MID_CART} (right after the call's {@code n}-th statement that changed a row, as SQLite
 * reports it, whatever its SQL looks like) and {@code "after-return"} (right after {@code checkout}
 * returned).
 */
public final class CheckoutProcess {
  /** The kill point right after the n-th write. */
  public static final String MID_CART = "mid-cart";

  private CheckoutProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the implementation cannot be created
   */
  public static void main(String[] args) throws Exception {
    InstrumentedSource source =
        new InstrumentedSource(
            Shop.source(Path.of(args[0])),
            new Controller() {
              @Override
              public void park(CallScope call, StatementRecord after) {
                Child.killPoint(MID_CART);
              }
            });
    CheckoutService service = create(args[1], source);
    long userId = Long.parseLong(args[2]);
    int parkAfter = Integer.parseInt(args[3]);
    List<Line> lines = new ArrayList<>();
    for (int i = 4; i + 1 < args.length; i += 2) {
      lines.add(new Line(Long.parseLong(args[i]), Integer.parseInt(args[i + 1])));
    }
    Child.awaitStart();
    try (CallScope call = source.call("checkout", FaultPlan.parking(parkAfter))) {
      List<Order> orders;
      try {
        orders = service.checkout(userId, lines);
      } catch (Exception e) {
        Child.report(null, e);
        return;
      }
      Child.report(orders, null);
    }
    Child.killPoint("after-return");
  }

  /**
   * Creates an implementation by class name.
   *
   * @param className a class with a constructor taking a {@link ConnectionSource}; it need not be
   *     public (a class declared in a notebook cell often is not)
   * @param source the connections to give it
   * @return the service
   * @throws ReflectiveOperationException if the class or constructor is missing or throws
   */
  public static CheckoutService create(String className, ConnectionSource source)
      throws ReflectiveOperationException {
    Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    Constructor<?> constructor = type.getDeclaredConstructor(ConnectionSource.class);
    constructor.setAccessible(true);
    return (CheckoutService) constructor.newInstance(source);
  }
}
