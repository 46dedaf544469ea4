package org.txlab.course;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * The lesson's shop database in SQLite: its schema, its fixtures and connections to it.
 *
 * <p>Connections come with sqlite-jdbc's defaults (DEFERRED transactions, {@code synchronous}
 * FULL), except a busy timeout that {@link #source(Path, int)} can set.
 */
public final class Shop {

  /** The schema: {@code stock} can never go below zero, an order always has a positive quantity. */
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
        created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      """;

  /** The default busy timeout of sqlite-jdbc, in milliseconds. */
  public static final int DEFAULT_BUSY_TIMEOUT_MS = 3000;

  /**
   * A product row.
   *
   * @param id the product's id
   * @param name its name
   * @param priceCents its price in cents
   * @param stock units in stock
   */
  public record Product(long id, String name, long priceCents, long stock) {}

  /** The fixture products: a keyboard (10), a mouse (3) and the last lamp (1). */
  public static final List<Product> FIXTURES =
      List.of(
          new Product(1, "Keyboard", 4999, 10),
          new Product(2, "Mouse", 1999, 3),
          new Product(3, "Last lamp", 2500, 1));

  private Shop() {}

  /**
   * Creates the schema and the {@link #FIXTURES} in a new database file, in DELETE journal mode.
   *
   * @param db the file to create; must not exist yet
   * @throws SQLException if the database cannot be written
   */
  public static void create(Path db) throws SQLException {
    create(db, "DELETE", FIXTURES);
  }

  /**
   * Creates the schema and the given products in a new database file.
   *
   * @param db the file to create; must not exist yet
   * @param journalMode {@code DELETE} or {@code WAL}
   * @param products the products to insert
   * @throws SQLException if the database cannot be written
   */
  public static void create(Path db, String journalMode, List<Product> products)
      throws SQLException {
    create(db, SCHEMA, journalMode, products);
  }

  /**
   * Creates a schema of the shop's tables, perhaps with more columns (such as the compensation
   * exercise's {@code orders.status}), and the given products in a new database file.
   *
   * @param db the file to create; must not exist yet
   * @param schema the {@code CREATE TABLE} statements, separated by semicolons
   * @param journalMode {@code DELETE} or {@code WAL}
   * @param products the products to insert
   * @throws SQLException if the database cannot be written
   */
  public static void create(Path db, String schema, String journalMode, List<Product> products)
      throws SQLException {
    try (Connection c = source(db).open();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = " + journalMode);
      c.setAutoCommit(false);
      for (String ddl : schema.split(";")) {
        if (!ddl.isBlank()) {
          s.execute(ddl);
        }
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO products (id, name, price_cents, stock) VALUES (?, ?, ?, ?)")) {
        for (Product product : products) {
          p.setLong(1, product.id());
          p.setString(2, product.name());
          p.setLong(3, product.priceCents());
          p.setLong(4, product.stock());
          p.executeUpdate();
        }
      }
      c.commit();
    }
  }

  /**
   * Returns a source of connections to {@code db} with sqlite-jdbc's default busy timeout.
   *
   * @param db the database file
   * @return a connection source; every {@code open()} makes a new connection
   */
  public static ConnectionSource source(Path db) {
    return source(db, DEFAULT_BUSY_TIMEOUT_MS);
  }

  /**
   * Returns a source of connections to {@code db} with the given busy timeout.
   *
   * @param db the database file
   * @param busyTimeoutMs how long a connection waits for a lock before {@code SQLITE_BUSY}
   * @return a connection source; every {@code open()} makes a new connection
   */
  public static ConnectionSource source(Path db, int busyTimeoutMs) {
    String url = "jdbc:sqlite:" + db.toAbsolutePath();
    return () -> {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(busyTimeoutMs);
      return config.createConnection(url);
    };
  }

  /**
   * Reads all products, by id.
   *
   * @param source where to read
   * @return the products in id order
   * @throws SQLException if the database cannot be read
   */
  public static List<Product> products(ConnectionSource source) throws SQLException {
    List<Product> rows = new ArrayList<>();
    try (Connection c = source.open();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT id, name, price_cents, stock FROM products ORDER BY id")) {
      while (rs.next()) {
        rows.add(new Product(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return rows;
  }

  /**
   * Reads all orders, by id.
   *
   * @param source where to read
   * @return the orders in id order
   * @throws SQLException if the database cannot be read
   */
  public static List<Order> orders(ConnectionSource source) throws SQLException {
    List<Order> rows = new ArrayList<>();
    try (Connection c = source.open();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT id, user_id, product_id, quantity FROM orders ORDER BY id")) {
      while (rs.next()) {
        rows.add(new Order(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
      }
    }
    return rows;
  }

  /**
   * Reads one product's stock.
   *
   * @param source where to read
   * @param productId the product
   * @return its stock
   * @throws SQLException if the database cannot be read or there is no such product
   */
  public static long stock(ConnectionSource source, long productId) throws SQLException {
    try (Connection c = source.open();
        PreparedStatement p = c.prepareStatement("SELECT stock FROM products WHERE id = ?")) {
      p.setLong(1, productId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no product " + productId);
        }
        return rs.getLong(1);
      }
    }
  }

  /**
   * Tells whether a new writer could commit right now, without waiting: false while another
   * connection holds a transaction open (a write lock, or in DELETE mode a read lock too).
   *
   * @param db the database file
   * @return true if a write transaction could begin and commit at once
   * @throws SQLException if the database cannot be opened
   */
  public static boolean isWritableNow(Path db) throws SQLException {
    try (Connection c = source(db, 0).open();
        Statement s = c.createStatement()) {
      try {
        s.execute("BEGIN IMMEDIATE");
        s.execute("UPDATE products SET stock = stock WHERE id = (SELECT min(id) FROM products)");
        s.execute("COMMIT");
        return true;
      } catch (SQLException busy) {
        return false;
      }
    }
  }
}
