package org.txlab.course;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * What a self-check scenario left in its shop database: every product's stock and the orders,
 * without their ids (code that retries may use other ids and still be right), in id order.
 *
 * @param stock units in stock, by product id
 * @param orders the orders as {@code user/product/quantity}, in id order
 */
record SelfCheckState(Map<Long, Long> stock, List<String> orders) {

  /** The fixture shop, before any order. */
  static final SelfCheckState FIXTURE = fixture();

  SelfCheckState {
    stock = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stock));
    orders = List.copyOf(orders);
  }

  private static SelfCheckState fixture() {
    Map<Long, Long> stock = new LinkedHashMap<>();
    for (Shop.Product p : Shop.FIXTURES) {
      stock.put(p.id(), p.stock());
    }
    return new SelfCheckState(stock, List.of());
  }

  /** Reads a database's committed content. */
  static SelfCheckState read(ConnectionSource db) throws SQLException {
    Map<Long, Long> stock = new LinkedHashMap<>();
    for (Shop.Product p : Shop.products(db)) {
      stock.put(p.id(), p.stock());
    }
    List<String> orders = new ArrayList<>();
    for (Order o : Shop.orders(db)) {
      orders.add(key(o.userId(), o.productId(), o.quantity()));
    }
    return new SelfCheckState(stock, orders);
  }

  private static String key(long user, long product, long quantity) {
    return user + "/" + product + "/" + quantity;
  }

  /** Returns this state with one more order, placed as a correct order places it. */
  SelfCheckState plus(long user, long product, int quantity) {
    Map<Long, Long> s = new LinkedHashMap<>(stock);
    s.merge(product, -(long) quantity, Long::sum);
    List<String> o = new ArrayList<>(orders);
    o.add(key(user, product, quantity));
    return new SelfCheckState(s, o);
  }

  /** Returns this state with what a run did to {@code from} (its stock changes and new orders). */
  SelfCheckState plusEffectOf(SelfCheckState from, SelfCheckState to) {
    Map<Long, Long> s = new LinkedHashMap<>(stock);
    to.stock.forEach((id, v) -> s.merge(id, v - from.stock.getOrDefault(id, v), Long::sum));
    List<String> o = new ArrayList<>(orders);
    o.addAll(to.orders.subList(Math.min(from.orders.size(), to.orders.size()), to.orders.size()));
    return new SelfCheckState(s, o);
  }

  /** Tells whether the content equals another's, the order of the orders aside. */
  boolean sameAs(SelfCheckState other) {
    return stock.equals(other.stock)
        && orders.stream().sorted().toList().equals(other.orders.stream().sorted().toList());
  }

  /**
   * Says, in student language, how this state differs from {@code before}: stock changes, new
   * orders, and units that went missing or appeared from nowhere (stock + ordered units must stay
   * what they were).
   */
  String changesSince(SelfCheckState before) {
    List<String> parts = new ArrayList<>();
    for (var e : before.stock.entrySet()) {
      long now = stock.getOrDefault(e.getKey(), e.getValue());
      if (now != e.getValue()) {
        parts.add("the stock of product " + e.getKey() + " went " + e.getValue() + " → " + now);
      }
    }
    List<String> added = new ArrayList<>(orders);
    before.orders.forEach(added::remove);
    parts.add(
        added.isEmpty() ? "no order was stored" : "the orders table gained " + describe(added));
    for (var e : before.stock.entrySet()) {
      long missing =
          e.getValue()
              + ordered(before, e.getKey())
              - stockOf(e.getKey())
              - ordered(this, e.getKey());
      if (missing > 0) {
        parts.add(
            missing
                + " unit(s) of product "
                + e.getKey()
                + " vanished (taken from the stock but in no order)");
      } else if (missing < 0) {
        parts.add(
            -missing + " unit(s) of product " + e.getKey() + " were sold that were never in stock");
      }
    }
    return String.join("; ", parts);
  }

  private long stockOf(long product) {
    return stock.getOrDefault(product, 0L);
  }

  private static long ordered(SelfCheckState s, long product) {
    long units = 0;
    for (String o : s.orders) {
      String[] f = o.split("/");
      if (Long.parseLong(f[1]) == product) {
        units += Long.parseLong(f[2]);
      }
    }
    return units;
  }

  /** Describes orders, e.g. {@code [user 8: 4 of product 1]}. */
  static String describe(List<String> orders) {
    List<String> parts = new ArrayList<>();
    for (String o : orders) {
      String[] f = o.split("/");
      parts.add("user " + f[0] + ": " + f[2] + " of product " + f[1]);
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /** Describes the whole content, e.g. {@code stock {1: 10, 2: 3, 3: 0}, orders [...]}. */
  String describe() {
    List<String> s = new ArrayList<>();
    stock.forEach((id, v) -> s.add(id + ": " + v));
    return "stock {" + String.join(", ", s) + "}, orders " + describe(orders);
  }
}
