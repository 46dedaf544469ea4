package org.txlab.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.course.Shop;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.InsufficientStockException;
import org.txlab.placeorder.InvalidQuantityException;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.UnknownProductException;

/**
 * Public self-checks of the place-order exercise: what a correct {@code placeOrder} does when
 * nothing goes wrong. Run them with {@code mvn -pl exercises test}.
 *
 * <p>They check behaviour only. At grading, hidden checks also crash your code mid-transaction,
 * make its statements fail one by one, race it against other threads and processes, and check that
 * a placed order survives a crash.
 */
class PlaceOrderTests {
  @TempDir Path dir;
  private ConnectionSource db;
  private PlaceOrder service;

  @BeforeEach
  void createShop() throws SQLException {
    Path file = dir.resolve("shop.db");
    Shop.create(file);
    db = Shop.source(file);
    service = new PlaceOrder(db);
  }

  @Test
  @DisplayName("an order decrements the stock and is stored")
  void placesOrderAndDecrementsStock() throws SQLException {
    Order order = service.placeOrder(42, 1, 3);

    assertThat(order.userId()).as("the returned order's userId").isEqualTo(42);
    assertThat(order.quantity()).as("the returned order's quantity").isEqualTo(3);
    assertThat(Shop.stock(db, 1)).as("stock of product 1 after ordering 3 of 10").isEqualTo(7);
    assertThat(Shop.orders(db)).as("the orders table").containsExactly(order);
  }

  @Test
  @DisplayName("ordering the whole remaining stock works and leaves 0")
  void sellsTheLastUnit() throws SQLException {
    service.placeOrder(1, 3, 1);

    assertThat(Shop.stock(db, 3)).as("stock of the last lamp").isZero();
  }

  @Test
  @DisplayName("an unknown product is rejected and nothing is written")
  void rejectsUnknownProduct() throws SQLException {
    assertThatThrownBy(() -> service.placeOrder(1, 999, 1))
        .isInstanceOf(UnknownProductException.class);
    assertThat(Shop.orders(db)).as("the orders table").isEmpty();
  }

  @Test
  @DisplayName("asking for more than the stock is rejected and nothing is written")
  void rejectsInsufficientStock() throws SQLException {
    assertThatThrownBy(() -> service.placeOrder(1, 2, 4))
        .isInstanceOf(InsufficientStockException.class);
    assertThat(Shop.stock(db, 2)).as("stock of product 2").isEqualTo(3);
    assertThat(Shop.orders(db)).as("the orders table").isEmpty();
  }

  @Test
  @DisplayName("a quantity of 0 or less is rejected and nothing is written")
  void rejectsNonPositiveQuantity() throws SQLException {
    assertThatThrownBy(() -> service.placeOrder(1, 1, 0))
        .isInstanceOf(InvalidQuantityException.class);
    assertThatThrownBy(() -> service.placeOrder(1, 1, -2))
        .isInstanceOf(InvalidQuantityException.class);
    assertThat(Shop.stock(db, 1)).as("stock of product 1").isEqualTo(10);
    assertThat(Shop.orders(db)).as("the orders table").isEmpty();
  }
}
