package org.txlab.grader.hidden.saga;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.txlab.course.Shop;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.TemplateDb;
import org.txlab.grader.suite.Feedback;

/**
 * The committed content of a saga's database, read by the judge: products, and orders with their
 * status (at most {@value #MAX_ORDERS}).
 *
 * @param products the products, by id
 * @param orders the orders, by id
 */
record SagaState(List<Shop.Product> products, List<Row> orders) {
  static final int MAX_ORDERS = 1000;

  /**
   * One order row.
   *
   * @param id its id
   * @param userId who ordered
   * @param productId what
   * @param quantity how many
   * @param status where its saga stands
   */
  record Row(long id, long userId, long productId, int quantity, String status) {
    String describe() {
      return "order "
          + id
          + " ("
          + quantity
          + " of product "
          + productId
          + ") "
          + (status.length() > 20 ? status.substring(0, 20) + "…" : status);
    }
  }

  /** Reads the world's database, after checking that the tables are still the exercise's. */
  static SagaState read(ShopWorld w, TemplateDb template) {
    try (Connection c = w.judge().open()) {
      template.checkTables(c);
      List<Shop.Product> products = new ArrayList<>();
      List<Row> orders = new ArrayList<>();
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
                "SELECT id, user_id, product_id, quantity, substr(status, 1, 40) FROM main.orders"
                    + " ORDER BY id LIMIT "
                    + MAX_ORDERS)) {
          while (rs.next()) {
            orders.add(
                new Row(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    Objects.toString(rs.getString(5), "NULL")));
          }
        }
      }
      return new SagaState(List.copyOf(products), List.copyOf(orders));
    } catch (SQLException e) {
      return fail(Feedback.get("state.unreadable", e.getMessage()));
    }
  }

  /** Returns a product, or {@code null}. */
  Shop.Product product(long id) {
    return products.stream().filter(p -> p.id() == id).findFirst().orElse(null);
  }

  /** Returns a product's stock, or -1 if there is no such product. */
  long stock(long productId) {
    Shop.Product p = product(productId);
    return p == null ? -1 : p.stock();
  }

  /** Returns the orders with a status. */
  List<Row> withStatus(String status) {
    return orders.stream().filter(o -> o.status().equals(status)).toList();
  }

  /** Describes the content for a student. */
  String describe() {
    List<String> stocks = new ArrayList<>();
    for (Shop.Product p : products) {
      stocks.add(p.id() + ": " + p.stock());
    }
    List<String> rows = new ArrayList<>();
    for (Row r : orders.subList(0, Math.min(orders.size(), 10))) {
      rows.add(r.describe());
    }
    if (orders.size() > 10) {
      rows.add("… " + (orders.size() - 10) + " more");
    }
    return "stock {"
        + String.join(", ", stocks)
        + "}, orders "
        + (rows.isEmpty() ? "empty" : "[" + String.join(", ", rows) + "]");
  }
}
