package org.txlab.grader.hidden;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.txlab.course.Shop;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * The committed content of a shop database, read by the judge: every product, and the orders (at
 * most {@value #MAX_ORDERS}, with their count).
 *
 * @param products the products, by id
 * @param orders the orders, by id
 * @param orderCount how many orders there are
 */
public record ShopSnapshot(List<Shop.Product> products, List<Order> orders, long orderCount) {
  static final int MAX_ORDERS = 1000;

  /**
   * Reads a snapshot, after checking that the tables are still the shop's.
   *
   * @param source the judge's connections
   * @param template the database the test's file was copied from
   * @return the snapshot
   * @throws AssertionError with a student-facing message if the schema was changed
   */
  static ShopSnapshot read(ConnectionSource source, TemplateDb template) throws SQLException {
    try (Connection c = source.open()) {
      template.checkTables(c);
      List<Shop.Product> products = new ArrayList<>();
      List<Order> orders = new ArrayList<>();
      long count;
      try (Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT id, name, price_cents, stock FROM main.products ORDER BY id LIMIT 100")) {
          while (rs.next()) {
            products.add(
                new Shop.Product(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT id, user_id, product_id, quantity FROM main.orders ORDER BY id LIMIT "
                    + MAX_ORDERS)) {
          while (rs.next()) {
            orders.add(new Order(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM main.orders")) {
          count = rs.next() ? rs.getLong(1) : 0;
        }
      }
      return new ShopSnapshot(List.copyOf(products), List.copyOf(orders), count);
    }
  }

  /** Returns a product's stock, or -1 if there is no such product. */
  public long stock(long productId) {
    return products.stream()
        .filter(p -> p.id() == productId)
        .mapToLong(Shop.Product::stock)
        .findFirst()
        .orElse(-1);
  }

  /** Returns the orders of one product. */
  public List<Order> ordersOf(long productId) {
    return orders.stream().filter(o -> o.productId() == productId).toList();
  }

  /** Tells whether the content is the same as another's, order ids aside. */
  public boolean sameContent(ShopSnapshot other) {
    return products.equals(other.products) && withoutIds(orders).equals(withoutIds(other.orders));
  }

  /** Tells whether the content is the same as another's, order ids and row order aside. */
  public boolean sameContentInAnyOrder(ShopSnapshot other) {
    return products.equals(other.products)
        && withoutIds(orders).stream()
            .sorted()
            .toList()
            .equals(withoutIds(other.orders).stream().sorted().toList());
  }

  private static List<String> withoutIds(List<Order> orders) {
    return orders.stream().map(o -> o.userId() + "/" + o.productId() + "/" + o.quantity()).toList();
  }

  /**
   * Says what changed from this snapshot to {@code after}, in student language.
   *
   * @param after the later snapshot
   * @return e.g. {@code the stock of product 1 went 10 → 8}; empty if nothing changed
   */
  public String changesTo(ShopSnapshot after) {
    List<String> changes = new ArrayList<>();
    for (Shop.Product b : products) {
      long a = after.stock(b.id());
      if (a != b.stock()) {
        changes.add("the stock of product " + b.id() + " went " + b.stock() + " → " + a);
      }
    }
    if (!withoutIds(orders).equals(withoutIds(after.orders))) {
      changes.add(
          "the orders table went from " + describe(orders) + " to " + describe(after.orders));
    }
    return String.join(" and ", changes);
  }

  /** Describes the content for a student: the stock of every product, and the orders. */
  public String describeContent() {
    List<String> stocks = new ArrayList<>();
    for (Shop.Product p : products) {
      stocks.add(p.id() + ": " + p.stock());
    }
    return "stock {" + String.join(", ", stocks) + "}, orders " + describe(orders);
  }

  /** Describes orders as {@code [user 1 bought 2 of product 3, …]}. */
  public static String describe(List<Order> orders) {
    if (orders.isEmpty()) {
      return "empty";
    }
    List<String> parts = new ArrayList<>();
    for (Order o : orders.subList(0, Math.min(orders.size(), 10))) {
      parts.add("user " + o.userId() + " bought " + o.quantity() + " of product " + o.productId());
    }
    if (orders.size() > 10) {
      parts.add("… " + (orders.size() - 10) + " more");
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
