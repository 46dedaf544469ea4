package org.txlab.grader.hidden.outbox;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.judge.AgentRefused;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.outbox.Message;
import org.txlab.placeorder.Order;

/** Calls of the student's order service and relay, and the checks the tests share. */
final class Outbox {
  static final String PLACE = "org.txlab.outbox.OutboxOrderService#placeOrder";
  static final String PLACE_SIGNATURE = "[\"long\",\"long\",\"int\"]";
  static final String RUN = "org.txlab.outbox.Relay#runOnce";

  /** The relay's interface: the hand-in's second class. */
  static final String RELAY_API = "org.txlab.outbox.Relay";

  static final String RELAY_NAME = "OutboxRelay";
  static final List<String> RELAY_PARAMS =
      List.of("org.txlab.placeorder.ConnectionSource", "org.txlab.outbox.Sink");

  private static final int MAX_SENDS = 1000;

  private Outbox() {}

  /** Starts {@code placeOrder(userId, productId, quantity)}. */
  static RemoteCall startPlace(ShopWorld w, long userId, long productId, int quantity, Plan plan) {
    return w.start(
        "placeOrder(" + userId + ", " + productId + ", " + quantity + ")",
        PLACE,
        PLACE_SIGNATURE,
        "[" + userId + "," + productId + "," + quantity + "]",
        plan);
  }

  /** Calls {@code placeOrder} and waits. */
  static Call place(ShopWorld w, long userId, long productId, int quantity, Plan plan) {
    return Call.of(startPlace(w, userId, productId, quantity, plan), w);
  }

  /** Places orders that must succeed, and returns them. */
  static List<Order> placeAll(ShopWorld w, long[][] orders) {
    List<Order> placed = new ArrayList<>();
    for (long[] o : orders) {
      placed.add(place(w, o[0], o[1], (int) o[2], Plan.NORMAL).expectOrder());
    }
    return placed;
  }

  /**
   * Finds the hand-in's relay class the way the order service was found; the test fails, saying so,
   * if there is none.
   */
  static String relayClass(SuiteContext suite) {
    try {
      return suite.session().find(RELAY_API, RELAY_NAME, RELAY_PARAMS);
    } catch (AgentRefused e) {
      return fail(Feedback.get("outbox.noRelay", e.getMessage().replaceFirst("^[\\w.]+: ", "")));
    }
  }

  /**
   * Gives the world a broker scripted with the outcomes of its first sends (then ACK), and
   * constructs a relay over it.
   *
   * @param w the world
   * @param relayClass the relay's class
   * @param name the relay object's name in the world
   * @param lateMs how long a LATE_ACK takes
   * @param outcomes the first sends' outcomes
   * @return the name
   */
  static String relay(ShopWorld w, String relayClass, String name, int lateMs, String... outcomes) {
    JsonObject script = new JsonObject();
    JsonArray list = new JsonArray();
    for (String o : outcomes) {
      list.add(o);
    }
    script.add("outcomes", list);
    script.addProperty("lateMs", lateMs);
    w.sink(script.toString());
    w.construct(name, relayClass);
    return name;
  }

  /** Starts {@code runOnce()} of a relay object. */
  static RemoteCall startRun(ShopWorld w, String relay, Plan plan) {
    return w.start(relay, "runOnce()", RUN, "[]", "[]", plan);
  }

  /** Calls {@code runOnce()} and waits. */
  static Call run(ShopWorld w, String relay, Plan plan) {
    return Call.of(startRun(w, relay, plan), w);
  }

  /** Fails the test unless a run returned normally (a refusal is the relay's to handle). */
  static Call expectRan(Call run, String when) {
    if (!run.returned()) {
      fail(Feedback.get("outbox.runFailed", run.label(), when, run.outcome()));
    }
    return run;
  }

  /** Returns what a run returned, or -1 if not an int. */
  static long marked(Call run) {
    JsonElement v = run.result().value();
    try {
      return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()
          ? v.getAsLong()
          : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * One send as the world's broker recorded it.
   *
   * @param attempt its number among the broker's sends, from 1
   * @param message the message
   * @param outcome what the broker did
   */
  record Sent(int attempt, Message message, String outcome) {
    boolean arrived() {
      return !outcome.equals("REFUSE") && !outcome.equals("CRASH_BEFORE");
    }

    @Override
    public String toString() {
      return "message " + message.id() + " for order " + message.orderId() + " (" + outcome + ")";
    }
  }

  /**
   * Returns the sends of the world's current broker, as its JVM reports them (read defensively: the
   * student's code runs in that JVM).
   */
  static List<Sent> sends(ShopWorld w) {
    String json = w.externals();
    List<Sent> sends = new ArrayList<>();
    try {
      JsonArray list = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("sends");
      for (JsonElement e : list) {
        if (sends.size() >= MAX_SENDS) {
          break;
        }
        JsonObject s = e.getAsJsonObject();
        JsonObject m = s.getAsJsonObject("message");
        sends.add(
            new Sent(
                s.get("attempt").getAsInt(),
                new Message(
                    m.get("id").getAsLong(),
                    m.get("orderId").getAsLong(),
                    m.get("userId").getAsLong(),
                    m.get("productId").getAsLong(),
                    m.get("quantity").getAsInt()),
                s.get("outcome").getAsString()));
      }
    } catch (RuntimeException e) {
      fail(Feedback.get("outbox.sendsUnreadable", e.getMessage()));
    }
    return sends;
  }

  /** Describes sends for a student, the first twelve. */
  static String describe(List<Sent> sends) {
    if (sends.isEmpty()) {
      return "no send";
    }
    List<String> parts = new ArrayList<>();
    for (Sent s : sends.subList(0, Math.min(12, sends.size()))) {
      parts.add(s.toString());
    }
    if (sends.size() > 12) {
      parts.add("… " + (sends.size() - 12) + " more");
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /**
   * Fails the test unless the messages that arrived deliver the given orders as a consumer that
   * drops duplicates by id sees them: each order's message at least once, always with the same id,
   * no two orders with one id, no message for anything else, and first arrivals in the orders'
   * order. The messages' other fields are functional's to judge.
   *
   * @param sends every send, in order (across runs and processes)
   * @param orders the committed orders, in the order they were placed
   * @param when what happened, for the message
   */
  static void expectDelivered(List<Sent> sends, List<Order> orders, String when) {
    Map<Long, Long> idOfOrder = new LinkedHashMap<>();
    Map<Long, Long> orderOfId = new LinkedHashMap<>();
    List<Long> firstArrivals = new ArrayList<>();
    List<Long> placed = orders.stream().map(Order::id).toList();
    for (Sent s : sends) {
      Message m = s.message();
      if (!placed.contains(m.orderId())) {
        fail(Feedback.get("outbox.strayMessage", when, s, describe(sends)));
      }
      Long id = idOfOrder.putIfAbsent(m.orderId(), m.id());
      if (id != null && id != m.id()) {
        fail(
            Feedback.get(
                "outbox.newId",
                when,
                Long.toString(m.orderId()),
                Long.toString(id),
                Long.toString(m.id()),
                describe(sends)));
      }
      Long other = orderOfId.putIfAbsent(m.id(), m.orderId());
      if (other != null && other != m.orderId()) {
        fail(
            Feedback.get(
                "outbox.sharedId",
                when,
                Long.toString(m.id()),
                Long.toString(other),
                Long.toString(m.orderId())));
      }
      if (s.arrived() && !firstArrivals.contains(m.orderId())) {
        firstArrivals.add(m.orderId());
      }
    }
    for (Long o : placed) {
      if (!firstArrivals.contains(o)) {
        fail(Feedback.get("outbox.lost", when, Long.toString(o), describe(sends)));
      }
    }
    if (!firstArrivals.equals(placed)) {
      fail(Feedback.get("outbox.outOfOrder", when, placed.toString(), firstArrivals.toString()));
    }
  }

  /**
   * Every table of a database file and its rows, whatever the student named them: what a failed
   * order must leave unchanged.
   *
   * @param rows per table, its rows rendered and sorted (at most {@value #MAX_ROWS})
   */
  record Tables(Map<String, List<String>> rows) {
    static final int MAX_TABLES = 50;
    static final int MAX_ROWS = 1000;

    /** Reads every table but SQLite's own, with the judge's hardened connections. */
    static Tables read(ShopWorld w) {
      Map<String, List<String>> rows = new TreeMap<>();
      try (Connection c = w.judge().open()) {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT "
                        + MAX_TABLES)) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
        for (String t : names) {
          List<String> list = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT * FROM main.\"" + t.replace("\"", "\"\"") + "\" LIMIT " + MAX_ROWS);
              ResultSet rs = p.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringBuilder row = new StringBuilder("(");
              for (int i = 1; i <= n; i++) {
                row.append(i > 1 ? ", " : "").append(Objects.toString(rs.getObject(i)));
              }
              list.add(row.append(')').toString());
            }
          }
          list.sort(null);
          rows.put(t, List.copyOf(list));
        }
      } catch (SQLException e) {
        fail(Feedback.get("state.unreadable", e.getMessage()));
      }
      return new Tables(rows);
    }

    /** Returns how many rows each table holds. */
    Map<String, Integer> counts() {
      Map<String, Integer> counts = new TreeMap<>();
      rows.forEach((t, r) -> counts.put(t, r.size()));
      return counts;
    }

    /** Says which tables differ in {@code after}, with their row counts. */
    String changesTo(Tables after) {
      List<String> changes = new ArrayList<>();
      for (String t : union(after)) {
        List<String> b = rows.getOrDefault(t, List.of());
        List<String> a = after.rows.getOrDefault(t, List.of());
        if (!a.equals(b)) {
          List<String> added = new ArrayList<>(a);
          added.removeAll(b);
          List<String> removed = new ArrayList<>(b);
          removed.removeAll(a);
          changes.add(
              "table "
                  + t
                  + " went from "
                  + b.size()
                  + " to "
                  + a.size()
                  + " rows"
                  + (added.isEmpty() ? "" : ", new " + clip(added))
                  + (removed.isEmpty() ? "" : ", gone " + clip(removed)));
        }
      }
      return String.join("; ", changes);
    }

    private List<String> union(Tables after) {
      List<String> all = new ArrayList<>(rows.keySet());
      for (String t : after.rows.keySet()) {
        if (!all.contains(t)) {
          all.add(t);
        }
      }
      return all;
    }

    private static String clip(List<String> rows) {
      return rows.size() <= 3
          ? String.join(" ", rows)
          : String.join(" ", rows.subList(0, 3)) + " … " + (rows.size() - 3) + " more";
    }
  }
}
