package org.txlab.course.patterns;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.txlab.course.Shop;

/**
 * The compensation exercise's database: the {@link Shop}'s, with one more column, {@code
 * orders.status}, that says where each order's saga stands.
 */
public final class SagaShop {

  /** The schema: the shop's, and every order {@code PENDING}, {@code PAID} or {@code CANCELLED}. */
  public static final String SCHEMA =
      """
      CREATE TABLE products (
        id          INTEGER PRIMARY KEY,
        name        TEXT    NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        stock       INTEGER NOT NULL CHECK (stock >= 0)
      );
      CREATE TABLE orders (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id    INTEGER NOT NULL,
        product_id INTEGER NOT NULL REFERENCES products (id),
        quantity   INTEGER NOT NULL CHECK (quantity > 0),
        status     TEXT    NOT NULL CHECK (status IN ('PENDING', 'PAID', 'CANCELLED')),
        created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      """;

  private SagaShop() {}

  /**
   * Creates the schema and the shop's {@link Shop#FIXTURES} in a new database file, in DELETE
   * journal mode.
   *
   * @param db the file to create; must not exist yet
   * @throws SQLException if the database cannot be written
   */
  public static void create(Path db) throws SQLException {
    create(db, Shop.FIXTURES);
  }

  /**
   * Creates the schema and the given products in a new database file, in DELETE journal mode.
   *
   * @param db the file to create; must not exist yet
   * @param products the products to insert
   * @throws SQLException if the database cannot be written
   */
  public static void create(Path db, List<Shop.Product> products) throws SQLException {
    Shop.create(db, SCHEMA, "DELETE", products);
  }
}
