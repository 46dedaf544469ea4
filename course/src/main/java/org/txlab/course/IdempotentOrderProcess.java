package org.txlab.course;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.txlab.idempotency.IdempotentOrderService;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * A child-process scenario: place one order with an idempotency key, with an {@link
 * IdempotentOrderService} implementation against a shop database, and die right after it returned
 * (a reply that never reaches the client).
 *
 * <p>Arguments: {@code <db> <implementation class> <key> <userId> <productId> <quantity>}. The
 * class must have a constructor taking a {@link ConnectionSource}. Kill point: {@code
 * "after-return"}.
 */
public final class IdempotentOrderProcess {
  private IdempotentOrderProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the implementation cannot be created or the barrier fails
   */
  public static void main(String[] args) throws Exception {
    ConnectionSource source = Shop.source(Path.of(args[0]));
    Class<?> type = Class.forName(args[1], true, Thread.currentThread().getContextClassLoader());
    Constructor<?> constructor = type.getDeclaredConstructor(ConnectionSource.class);
    constructor.setAccessible(true);
    IdempotentOrderService service = (IdempotentOrderService) constructor.newInstance(source);
    Child.awaitStart();
    Order order;
    try {
      order =
          service.placeOrder(
              args[2], Long.parseLong(args[3]), Long.parseLong(args[4]), Integer.parseInt(args[5]));
    } catch (Exception e) {
      Child.report(null, e);
      return;
    }
    Child.report(order, null);
    Child.killPoint("after-return");
  }
}
