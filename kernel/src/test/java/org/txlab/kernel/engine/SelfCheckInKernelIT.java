package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-check's crash check on a class declared in a cell: the class exists only in this JVM, so
 * the child JVM that is killed gets the cell's class files and the kernel's runtime. A class
 * without a transaction shows that the child really ran the cell's code: killed right after its
 * stock write, it leaves the stock decremented and no order.
 */
class SelfCheckInKernelIT {
  private static final String NO_TRANSACTION =
      "import org.txlab.placeorder.*;\n"
          + "class PlaceOrder implements OrderService {\n"
          + "  private final ConnectionSource db;\n"
          + "  PlaceOrder(ConnectionSource db) { this.db = db; }\n"
          + "  @Override\n"
          + "  public Order placeOrder(long userId, long productId, int quantity) throws SQLException {\n"
          + "    if (quantity <= 0) throw new InvalidQuantityException(quantity);\n"
          + "    try (Connection c = db.open(); Statement s = c.createStatement()) {\n"
          + "      ResultSet rs = s.executeQuery(\"SELECT stock FROM products WHERE id = \" + productId);\n"
          + "      if (!rs.next()) throw new UnknownProductException(productId);\n"
          + "      long stock = rs.getLong(1);\n"
          + "      rs.close();\n"
          + "      if (stock < quantity) throw new InsufficientStockException(productId, quantity, stock);\n"
          + "      s.executeUpdate(\"UPDATE products SET stock = stock - \" + quantity + \" WHERE id = \" + productId);\n"
          + "      s.executeUpdate(\"INSERT INTO orders (user_id, product_id, quantity) VALUES (\"\n"
          + "          + userId + \", \" + productId + \", \" + quantity + \")\");\n"
          + "      rs = s.executeQuery(\"SELECT last_insert_rowid()\");\n"
          + "      rs.next();\n"
          + "      return new Order(rs.getLong(1), userId, productId, quantity);\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  private Engine engine;

  @BeforeEach
  void start() {
    engine = Engine.create(EngineConfig.defaults());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void theCrashCheckKillsAChildJvmRunningTheCellsOwnClass() {
    assertThat(engine.eval(NO_TRANSACTION).error()).isEmpty();

    EvalResult r = engine.eval("SelfCheck.placeOrder(PlaceOrder::new)");

    assertThat(r.error()).isEmpty();
    String text = Displays.bundle(r.value().orElseThrow()).text();
    assertThat(text)
        .contains("✔ an order decrements the stock and is stored")
        .contains("✘ killed with SIGKILL right after its stock write")
        .contains("was killed with SIGKILL right after its statement that changed the stock")
        .contains("2 unit(s) of product 2 vanished")
        .doesNotContain("[CHILD_", "[SELFCHECK]");
  }
}
