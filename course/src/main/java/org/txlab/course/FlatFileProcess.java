package org.txlab.course;

import java.nio.file.Path;

/**
 * A child-process scenario: open the {@link FlatFileShop} in a directory and place orders.
 *
 * <p>Arguments: {@code <dir> <append|buffered> <userId> <productId> <quantity> <count>}. Each
 * placed order is acknowledged with a {@link Child#RESULT} signal; after the last one the process
 * passes the kill point {@code "after-acks"} and then exits normally, closing the store.
 */
public final class FlatFileProcess {
  private FlatFileProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the start barrier fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    FlatFileShop.Writes writes = FlatFileShop.Writes.valueOf(args[1].toUpperCase());
    long userId = Long.parseLong(args[2]);
    long productId = Long.parseLong(args[3]);
    int quantity = Integer.parseInt(args[4]);
    int count = Integer.parseInt(args[5]);
    FlatFileShop shop;
    try {
      shop = FlatFileShop.open(dir, writes);
    } catch (RuntimeException e) {
      Child.report(null, e);
      return;
    }
    Child.awaitStart();
    for (int i = 0; i < count; i++) {
      try {
        Child.report("order " + shop.placeOrder(userId, productId, quantity).id(), null);
      } catch (RuntimeException e) {
        Child.report(null, e);
      }
    }
    Child.killPoint("after-acks");
    shop.close();
  }
}
