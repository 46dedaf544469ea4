package org.txlab.course;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.OrderService;

/**
 * A child-process scenario: place one order with an {@link OrderService} implementation against a
 * shop database.
 *
 * <p>Arguments: {@code <db> <implementation class> <userId> <productId> <quantity>}. The class must
 * have a public constructor taking a {@link ConnectionSource}. Kill points: {@code
 * "after-stock-update"} (right after the implementation's {@code UPDATE products} statement
 * returns, before anything else it does) and {@code "after-return"} (right after {@code placeOrder}
 * returned).
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
        new InstrumentedSource(Shop.source(Path.of(args[0])))
            .afterStatement(
                (k, sql) -> {
                  if (InstrumentedSource.isStockUpdate(sql)) {
                    Child.killPoint("after-stock-update");
                  }
                });
    OrderService service = create(args[1], source);
    long userId = Long.parseLong(args[2]);
    long productId = Long.parseLong(args[3]);
    int quantity = Integer.parseInt(args[4]);
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
