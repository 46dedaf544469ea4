package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.txlab.cart.CheckoutService;
import org.txlab.cart.Line;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.OrderService;

/**
 * The self-checks against wrong answers written here, the crash checks with real child JVMs killed
 * with SIGKILL. (The reference, the honest styles and the grader's corpus are run by the grader's
 * SelfCheckVariantsIT; the course library holds no solution.)
 */
class SelfCheckIT {

  /** No transaction: the UPDATE autocommits, then the INSERT. */
  public static final class NoTransaction implements OrderService {
    private final ConnectionSource db;

    public NoTransaction(ConnectionSource db) {
      this.db = db;
    }

    @Override
    public Order placeOrder(long userId, long productId, int quantity) throws SQLException {
      try (Connection c = db.open();
          Statement s = c.createStatement()) {
        long stock;
        try (ResultSet rs = s.executeQuery("SELECT stock FROM products WHERE id = " + productId)) {
          if (!rs.next()) {
            throw new org.txlab.placeorder.UnknownProductException(productId);
          }
          stock = rs.getLong(1);
        }
        if (quantity <= 0) {
          throw new org.txlab.placeorder.InvalidQuantityException(quantity);
        }
        if (stock < quantity) {
          throw new InsufficientStockException(productId, quantity, stock);
        }
        s.executeUpdate(
            "UPDATE products SET stock = stock - " + quantity + " WHERE id = " + productId);
        s.executeUpdate(
            "INSERT INTO orders (user_id, product_id, quantity) VALUES ("
                + userId
                + ", "
                + productId
                + ", "
                + quantity
                + ")");
        try (ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
          rs.next();
          return new Order(rs.getLong(1), userId, productId, quantity);
        }
      }
    }
  }

  /** Every line in a transaction of its own. */
  public static final class CommitPerLine implements CheckoutService {
    private final ConnectionSource db;

    public CommitPerLine(ConnectionSource db) {
      this.db = db;
    }

    @Override
    public List<Order> checkout(long userId, List<Line> lines) throws SQLException {
      List<Order> orders = new ArrayList<>();
      try (Connection c = db.open();
          Statement s = c.createStatement()) {
        for (Line l : lines) {
          s.execute("BEGIN IMMEDIATE");
          s.executeUpdate(
              "UPDATE products SET stock = stock - "
                  + l.quantity()
                  + " WHERE id = "
                  + l.productId());
          s.executeUpdate(
              "INSERT INTO orders (user_id, product_id, quantity) VALUES ("
                  + userId
                  + ", "
                  + l.productId()
                  + ", "
                  + l.quantity()
                  + ")");
          try (ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            orders.add(new Order(rs.getLong(1), userId, l.productId(), l.quantity()));
          }
          s.execute("COMMIT");
        }
      }
      return orders;
    }
  }

  private static SelfCheck.Check row(SelfCheck.Report r, String title) {
    return r.checks().stream().filter(c -> c.check().startsWith(title)).findFirst().orElseThrow();
  }

  @Test
  void noTransactionFailsAtomicityUnderAFaultAndARealSigkill() {
    long start = System.nanoTime();
    SelfCheck.Report r = SelfCheck.placeOrder(NoTransaction::new);
    System.out.printf("self-check of no transaction: %.2f s%n", (System.nanoTime() - start) / 1e9);

    assertThat(r.passed()).isFalse();
    assertThat(row(r, "an order decrements the stock").passed()).as(r.toString()).isTrue();
    assertThat(row(r, "a failure at any of your statements").problem())
        .as(r.toString())
        .contains("the stock of product 1 went 10 → 6; no order was stored")
        .contains("4 unit(s) of product 1 vanished");
    assertThat(row(r, "killed with SIGKILL").problem())
        .as(r.toString())
        .contains("killed with SIGKILL right after its statement that changed the stock")
        .contains("2 unit(s) of product 2 vanished");
    assertThat(r.tested())
        .matches(
            java.util.regex.Pattern.quote(NoTransaction.class.getName())
                + " \\(class fingerprint [0-9a-f]{8}\\)");
  }

  @Test
  void aCommitPerLineFailsTheCartUnderAFaultAndARealSigkillMidCart() {
    SelfCheck.Report r = SelfCheck.checkout(CommitPerLine::new);

    assertThat(row(r, "every line becomes an order").passed()).as(r.toString()).isTrue();
    assertThat(row(r, "a failure at any statement, on any line").problem())
        .as(r.toString())
        .contains("the orders table gained [user 8: 4 of product 1]");
    assertThat(row(r, "killed with SIGKILL in the middle of the cart").problem())
        .as(r.toString())
        .contains("right before its last write")
        .contains("the orders table gained [user 13: 1 of product 3]");
  }

  @Test
  void codeThatStoresNothingIsNotJudgedOnWhatItNeverDid() {
    SelfCheck.Report r =
        SelfCheck.placeOrder(
            db ->
                (userId, productId, quantity) -> {
                  throw new UnsupportedOperationException("place-order: implement placeOrder");
                });

    assertThat(r.checks()).noneMatch(SelfCheck.Check::passed);
    assertThat(row(r, "killed with SIGKILL").problem())
        .startsWith("Not checked yet: run on its own, placeOrder(13, 2, 2) threw")
        .contains("fix the checks above first");
  }

  @Test
  void aServiceThatCannotBeCreatedIsReportedAsSuch() {
    SelfCheck.Report r =
        SelfCheck.placeOrder(
            db -> {
              throw new IllegalStateException("no database today");
            });

    assertThat(r.checks()).hasSize(1);
    assertThat(r.checks().get(0).problem()).contains("IllegalStateException: no database today");
    assertThat(r.toHtml()).contains("data-verdict=\"fail\"");
  }
}
