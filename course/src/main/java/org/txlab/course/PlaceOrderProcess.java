package org.txlab.course;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.Controller;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.OrderService;
import org.txlab.placeorder.PlaceOrderException;

/**
 * A child-process scenario: place one order with an {@link OrderService} implementation against a
 * shop database.
 *
 * <p>Arguments: {@code <db> <implementation class> <userId> <productId> <quantity> [count]}; with a
 * count above 1 it places that many orders and reports {@code placed=P rejected=R}. The class must
 * have a public constructor taking a {@link ConnectionSource}. Kill points: {@code
 * "after-stock-update"} (right after the first statement that changed a row of {@code products}, as
 * SQLite reports it, whatever its SQL looks like; before anything else the implementation does) and
 * {@code "after-return"} (right after {@code placeOrder} returned).
 */
public final class PlaceOrderProcess {
  private PlaceOrderProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the implementation cannot be created or the barrier fails
   */
  public static void main(String[] args) throws Exception {
    InstrumentedSource source =
        new InstrumentedSource(
            Shop.source(Path.of(args[0])),
            new Controller() {
              @Override
              public void afterStatement(CallScope call, StatementRecord record) {
                if (record.changes().containsKey("UPDATE products") && !record.failed()) {
                  Child.killPoint("after-stock-update");
                }
              }
            });
    OrderService service = create(args[1], source);
    long userId = Long.parseLong(args[2]);
    long productId = Long.parseLong(args[3]);
    int quantity = Integer.parseInt(args[4]);
    int count = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    if (count > 1) {
      // Warm up (class loading, the driver's first statements) before the start barrier, so
      // that racers run their orders at the same pace and really overlap.
      try (CallScope call = source.call("warm-up", FaultPlan.NONE)) {
        try {
          service.placeOrder(userId, -1, quantity);
        } catch (Exception expected) {
          source.closeLeakedBy(call);
        }
      }
      Child.awaitStart();
      placeMany(service, source, userId, productId, quantity, count);
      return;
    }
    Child.awaitStart();
    Order order;
    try {
      order = service.placeOrder(userId, productId, quantity);
    } catch (Exception e) {
      Child.report(null, e);
      return;
    }
    Child.report(order, null);
    Child.killPoint("after-return");
  }

  /**
   * Places {@code count} orders one after another; reports {@code placed=P rejected=R} as the
   * result, or the first exception that is not a rejection ({@link PlaceOrderException}) as the
   * error.
   */
  private static void placeMany(
      OrderService service,
      InstrumentedSource source,
      long userId,
      long productId,
      int quantity,
      int count) {
    int placed = 0;
    int rejected = 0;
    for (int i = 0; i < count; i++) {
      try (CallScope call = source.call("placeOrder #" + (i + 1), FaultPlan.NONE)) {
        try {
          service.placeOrder(userId, productId, quantity);
          placed++;
        } catch (PlaceOrderException e) {
          rejected++;
        } catch (Exception e) {
          Child.report(null, e);
          return;
        } finally {
          // A connection the call left open is closed here: a leak is a bug of its own, not a
          // reason for every later order of the race to wait.
          source.closeLeakedBy(call);
        }
      }
    }
    Child.report("placed=" + placed + " rejected=" + rejected, null);
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
  public static OrderService create(String className, ConnectionSource source)
      throws ReflectiveOperationException {
    Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    Constructor<?> constructor = type.getDeclaredConstructor(ConnectionSource.class);
    constructor.setAccessible(true);
    return (OrderService) constructor.newInstance(source);
  }
}
