package org.txlab.course;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.txlab.course.patterns.ScriptedPayments;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;
import org.txlab.saga.CheckoutSaga;
import org.txlab.saga.Payments;

/**
 * A child-process scenario: one checkout of a {@link CheckoutSaga} implementation against a saga
 * shop database, whose payment provider crashes the process while the first charge is on its way
 * (before the provider saw it): the order is reserved, nothing is charged, and nobody finishes the
 * saga but a later {@link CheckoutSaga#resume}.
 *
 * <p>Arguments: {@code <db> <implementation class> <userId> <productId> <quantity>}. The class must
 * have a constructor taking a {@link ConnectionSource} and a {@link Payments}. Kill point: {@value
 * #CHARGE}.
 */
public final class SagaCheckoutProcess {
  /** The kill point: the first charge is on its way to the provider. */
  public static final String CHARGE = "charge";

  private SagaCheckoutProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the implementation cannot be created
   */
  public static void main(String[] args) throws Exception {
    ConnectionSource source = Shop.source(Path.of(args[0]));
    Payments payments =
        ScriptedPayments.firstCharge(
            ScriptedPayments.ChargeOutcome.CRASH_BEFORE, where -> Child.killPoint(CHARGE));
    Class<?> type = Class.forName(args[1], true, Thread.currentThread().getContextClassLoader());
    Constructor<?> constructor =
        type.getDeclaredConstructor(ConnectionSource.class, Payments.class);
    constructor.setAccessible(true);
    CheckoutSaga saga = (CheckoutSaga) constructor.newInstance(source, payments);
    Child.awaitStart();
    Order order;
    try {
      order =
          saga.checkout(
              Long.parseLong(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]));
    } catch (Exception e) {
      Child.report(null, e);
      return;
    }
    Child.report(order, null);
  }
}
