package org.txlab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.OrderService;
import org.txlab.placeorder.UnknownProductException;

/**
 * The place-order exercise's public self-checks, for a notebook cell or a test: what a correct
 * {@code placeOrder} does when nothing goes wrong. In a notebook:
 *
 * <pre>{@code
 * SelfCheck.placeOrder(PlaceOrder::new)
 * }</pre>
 *
 * <p>They check behaviour only; the hidden checks run at grading (crashes, injected failures,
 * races, durability).
 */
public final class SelfCheck {

  /**
   * One check's outcome.
   *
   * @param check what was checked
   * @param passed whether it passed
   * @param problem why not, in student language; empty when passed
   */
  public record Check(String check, boolean passed, String problem) {}

  /**
   * All checks' outcomes.
   *
   * @param checks one per check, in order
   */
  public record Report(List<Check> checks) {

    /** Tells whether every check passed. */
    public boolean passed() {
      return checks.stream().allMatch(Check::passed);
    }

    /** Returns the outcomes as a table, then what runs at grading. */
    @Override
    public String toString() {
      long ok = checks.stream().filter(Check::passed).count();
      return Tables.text(checks)
          + "\n"
          + ok
          + "/"
          + checks.size()
          + " public checks passed. "
          + Messages.get("selfcheck.hidden");
    }

    /** Returns the outcomes as an HTML table, then what runs at grading. */
    public String toHtml() {
      return Tables.html(checks) + "<p>" + Messages.get("selfcheck.hidden") + "</p>";
    }
  }

  private interface Body {
    String run(OrderService service, ConnectionSource db) throws Exception;
  }

  private SelfCheck() {}

  /**
   * Runs the public checks, each against a fresh shop database.
   *
   * @param create makes the student's service from a connection source, e.g. {@code
   *     PlaceOrder::new}
   * @return the outcomes
   */
  public static Report placeOrder(Function<ConnectionSource, ? extends OrderService> create) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        check(
            "an order decrements the stock and is stored",
            create,
            (s, db) -> {
              Order o = s.placeOrder(42, 1, 3);
              long stock = Shop.stock(db, 1);
              List<Order> orders = Shop.orders(db);
              if (stock != 7) {
                return "expected the stock of product 1 to be 7 after ordering 3 of 10, but was "
                    + stock;
              }
              if (orders.size() != 1 || !orders.get(0).equals(o)) {
                return "expected the orders table to hold exactly the returned order "
                    + o
                    + ", but it holds "
                    + orders;
              }
              return "";
            }));
    checks.add(
        check(
            "an unknown product is rejected, nothing written",
            create,
            (s, db) -> rejected(s, db, 999, 1, UnknownProductException.class)));
    checks.add(
        check(
            "more than the stock is rejected, nothing written",
            create,
            (s, db) -> rejected(s, db, 2, 4, InsufficientStockException.class)));
    checks.add(
        check(
            "quantity 0 is rejected, nothing written",
            create,
            (s, db) -> rejected(s, db, 1, 0, InvalidQuantityException.class)));
    checks.add(
        check(
            "the last unit can be sold",
            create,
            (s, db) -> {
              s.placeOrder(1, 3, 1);
              long stock = Shop.stock(db, 3);
              return stock == 0
                  ? ""
                  : "expected the stock of the last lamp to be 0, but was " + stock;
            }));
    return new Report(checks);
  }

  private static String rejected(
      OrderService s, ConnectionSource db, long product, int quantity, Class<?> expected)
      throws SQLException {
    List<Shop.Product> before = Shop.products(db);
    try {
      Order o = s.placeOrder(1, product, quantity);
      return "expected " + expected.getSimpleName() + " but placeOrder returned " + o;
    } catch (Exception e) {
      if (!expected.isInstance(e)) {
        return "expected "
            + expected.getSimpleName()
            + " but got "
            + e.getClass().getName()
            + ": "
            + e.getMessage();
      }
    }
    if (!Shop.products(db).equals(before) || !Shop.orders(db).isEmpty()) {
      return "the rejection wrote to the database: products "
          + Shop.products(db)
          + ", orders "
          + Shop.orders(db);
    }
    return "";
  }

  private static Check check(
      String name, Function<ConnectionSource, ? extends OrderService> create, Body body) {
    try {
      Path dir = Files.createTempDirectory("txlab-selfcheck");
      Path db = dir.resolve("shop.db");
      try {
        Shop.create(db);
        ConnectionSource source = Shop.source(db);
        String problem = body.run(create.apply(source), source);
        return new Check(name, problem.isEmpty(), problem);
      } catch (Exception e) {
        return new Check(name, false, e.getClass().getName() + ": " + e.getMessage());
      } finally {
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("shop.db-journal"));
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
