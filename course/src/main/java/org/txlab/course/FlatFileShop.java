package org.txlab.course;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.txlab.course.Shop.Product;
import org.txlab.placeorder.Order;

/**
 * The lesson's naive store, as the lesson writes it: {@code products.jsonl} and {@code
 * orders.jsonl}, one JSON record a line, replayed into in-memory maps at start.
 *
 * <p>Its {@link #placeOrder} appends the product's new stock, then the order: two separate appends,
 * nothing that makes them one. That is the point: notebooks run its bugs. Named {@link
 * Child#killPoint kill points} let a crash land exactly between the appends ({@code
 * "between-appends"}) or in the middle of the order's line ({@code "torn-order-line"}).
 *
 * <p>The torn line of {@code "torn-order-line"} is staged: only when that kill point is armed is
 * the order's line written in two {@code write} calls, so that the process can die between them, as
 * a power cut or a full disk can leave a file. A SIGKILL does not split one small {@code write}.
 * The {@link Writes#BUFFERED} store tears lines for real: its writer writes out its 8 KB buffer
 * whenever it fills, wherever a line ends.
 *
 * <p>Not thread-safe, like the lesson's code: its maps and its order counter are shared by every
 * caller, with no lock (in Node one process runs one {@code placeOrder} at a time; a JVM runs many
 * threads).
 */
public final class FlatFileShop implements AutoCloseable {
  /** Line {@code N} of products.jsonl wins over earlier lines for the same id. */
  public static final String PRODUCTS = "products.jsonl";

  /** Every order ever placed, one per line. */
  public static final String ORDERS = "orders.jsonl";

  private static final Pattern FIELD =
      Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

  /** How appends reach the file. */
  public enum Writes {
    /** Open, append, close for each record, like Node's {@code fs.appendFileSync}; no fsync. */
    APPEND,
    /**
     * A {@link BufferedWriter} kept open and never flushed per order: fast, and an order that was
     * acknowledged can still be lost when the process dies.
     */
    BUFFERED
  }

  private final Path dir;
  private final Writes writes;
  private final Map<Long, Product> products = new TreeMap<>();
  private final Map<Long, Order> orders = new LinkedHashMap<>();
  private final Map<String, Writer> buffered = new LinkedHashMap<>();
  private long nextOrderId = 1;
  private Consumer<String> afterAppend = file -> {};

  private FlatFileShop(Path dir, Writes writes) {
    this.dir = dir;
    this.writes = writes;
  }

  /**
   * Writes {@code products.jsonl} with the given products and an empty {@code orders.jsonl}.
   *
   * @param dir the store's directory; created if missing
   * @param products the products
   * @throws UncheckedIOException if the files cannot be written
   */
  public static void seed(Path dir, List<Product> products) {
    try {
      Files.createDirectories(dir);
      StringBuilder lines = new StringBuilder();
      for (Product p : products) {
        lines.append(json(p)).append('\n');
      }
      Files.writeString(dir.resolve(PRODUCTS), lines);
      Files.writeString(dir.resolve(ORDERS), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens the store: replays both files into memory, as the lesson's app does on start.
   *
   * @param dir the store's directory
   * @param writes how appends are written
   * @return the store
   * @throws CorruptFileException if a line cannot be parsed, e.g. a torn last line
   */
  public static FlatFileShop open(Path dir, Writes writes) {
    FlatFileShop shop = new FlatFileShop(dir, writes);
    for (Map<String, String> row : read(dir.resolve(PRODUCTS))) {
      Product p =
          new Product(
              Long.parseLong(row.get("id")),
              row.get("name"),
              Long.parseLong(row.get("priceCents")),
              Long.parseLong(row.get("stock")));
      shop.products.put(p.id(), p);
    }
    for (Map<String, String> row : read(dir.resolve(ORDERS))) {
      Order o =
          new Order(
              Long.parseLong(row.get("id")),
              Long.parseLong(row.get("userId")),
              Long.parseLong(row.get("productId")),
              Integer.parseInt(row.get("quantity")));
      shop.orders.put(o.id(), o);
      shop.nextOrderId = Math.max(shop.nextOrderId, o.id() + 1);
    }
    return shop;
  }

  /**
   * Places an order the naive way: check the in-memory stock, append the new stock, append the
   * order.
   *
   * @param userId who orders
   * @param productId what
   * @param quantity how many
   * @return the order
   * @throws IllegalArgumentException if the product is unknown or its stock is too low
   */
  public Order placeOrder(long userId, long productId, int quantity) {
    Product product = products.get(productId);
    if (product == null) {
      throw new IllegalArgumentException(Messages.get("flatfile.unknownProduct", productId));
    }
    if (product.stock() < quantity) {
      throw new IllegalArgumentException(
          Messages.get("flatfile.insufficientStock", productId, product.stock(), quantity));
    }
    Product updated =
        new Product(product.id(), product.name(), product.priceCents(), product.stock() - quantity);
    products.put(productId, updated);
    append(PRODUCTS, json(updated) + "\n");
    Child.killPoint("between-appends");
    Order order = new Order(nextOrderId++, userId, productId, quantity);
    orders.put(order.id(), order);
    String line = json(order) + "\n";
    if (Child.isArmed("torn-order-line")) {
      // Only a crash test splits the line, so that it can die with half of it on disk; two
      // racing processes otherwise append whole lines, as the lesson's code does.
      int half = line.length() / 2;
      append(ORDERS, line.substring(0, half));
      Child.killPoint("torn-order-line");
      append(ORDERS, line.substring(half));
    } else {
      append(ORDERS, line);
    }
    return order;
  }

  /**
   * Runs a listener after each append, with the file's name: for timelines of what a process wrote
   * when.
   *
   * @param listener called with {@link #PRODUCTS} or {@link #ORDERS}
   * @return this store
   */
  public FlatFileShop afterEachAppend(Consumer<String> listener) {
    this.afterAppend = listener;
    return this;
  }

  /** Returns the products as this process sees them in memory. */
  public List<Product> products() {
    return List.copyOf(products.values());
  }

  /** Returns the orders as this process sees them in memory. */
  public List<Order> orders() {
    return List.copyOf(orders.values());
  }

  /** Flushes and closes buffered writers. */
  @Override
  public void close() {
    for (Writer w : buffered.values()) {
      try {
        w.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    buffered.clear();
  }

  private void append(String file, String text) {
    try {
      if (writes == Writes.BUFFERED) {
        Writer w = buffered.get(file);
        if (w == null) {
          w =
              Files.newBufferedWriter(
                  dir.resolve(file), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
          buffered.put(file, w);
        }
        w.write(text);
      } else {
        Files.writeString(dir.resolve(file), text, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    afterAppend.accept(file);
  }

  private static List<Map<String, String>> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith("{") || !line.endsWith("}")) {
        throw new CorruptFileException(file, i + 1, line);
      }
      Map<String, String> row = new LinkedHashMap<>();
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        row.put(m.group(1), m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(2));
      }
      rows.add(row);
    }
    return rows;
  }

  private static String json(Product p) {
    return "{\"id\":%d,\"name\":\"%s\",\"priceCents\":%d,\"stock\":%d}"
        .formatted(p.id(), p.name().replace("\"", "\\\""), p.priceCents(), p.stock());
  }

  private static String json(Order o) {
    return "{\"id\":%d,\"userId\":%d,\"productId\":%d,\"quantity\":%d}"
        .formatted(o.id(), o.userId(), o.productId(), o.quantity());
  }
}
