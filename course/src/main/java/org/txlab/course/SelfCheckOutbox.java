package org.txlab.course;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.patterns.Crash;
import org.txlab.course.patterns.ScriptedSink;
import org.txlab.outbox.Message;
import org.txlab.outbox.OutboxOrderService;
import org.txlab.outbox.Relay;
import org.txlab.outbox.Sink;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;

/**
 * The outbox self-check: an order announced once with its details; a failure at any statement of
 * placeOrder leaves every table as it was; a refused message is not overtaken and comes first next
 * time; a timed-out one is sent again with its id; a relay killed with SIGKILL after the broker got
 * a message and before its mark, then a new relay that sends it again. The fixture has 10 keyboards
 * (1), 3 mice (2) and the last lamp (3).
 */
final class SelfCheckOutbox {
  private static final long KEYBOARD = 1;
  private static final long MOUSE = 2;
  private static final Duration CHILD_DEADLINE = Duration.ofSeconds(30);

  private SelfCheckOutbox() {}

  static SelfCheckRun.Scenario<OutboxOrderService> order(long user, long product, int quantity) {
    return new SelfCheckRun.Scenario<>(
        "placeOrder(" + user + ", " + product + ", " + quantity + ")",
        s -> s.placeOrder(user, product, quantity));
  }

  static List<SelfCheck.Check> checks(
      SelfCheckRun<OutboxOrderService> run,
      SelfCheckSubject subject,
      BiFunction<ConnectionSource, Sink, ? extends Relay> relays) {
    String killedTitle = Messages.get("selfcheck.outbox.killed");
    CompletableFuture<SelfCheck.Check> killed =
        SelfCheckRun.background(killedTitle, () -> killed(run, killedTitle, relays));
    List<SelfCheck.Check> checks = new ArrayList<>();
    String placed = Messages.get("selfcheck.outbox.placed");
    checks.add(SelfCheckRun.guard(placed, () -> placed(run, placed, relays)));
    String faults = Messages.get("selfcheck.outbox.faults");
    checks.add(SelfCheckRun.guard(faults, () -> faults(run, faults)));
    String refused = Messages.get("selfcheck.outbox.refused");
    checks.add(
        SelfCheckRun.guard(
            refused,
            () ->
                notAcknowledged(
                    run,
                    refused,
                    relays,
                    ScriptedSink.Outcome.REFUSE,
                    "selfcheck.outbox.refusedIt")));
    String timeout = Messages.get("selfcheck.outbox.timeout");
    checks.add(
        SelfCheckRun.guard(
            timeout,
            () ->
                notAcknowledged(
                    run,
                    timeout,
                    relays,
                    ScriptedSink.Outcome.TIMEOUT,
                    "selfcheck.outbox.timedOutIt")));
    checks.add(killed.join());
    return checks;
  }

  /** One order; one run sends its message, with its details, and returns 1; a second sends none. */
  private static SelfCheck.Check placed(
      SelfCheckRun<OutboxOrderService> run,
      String title,
      BiFunction<ConnectionSource, Sink, ? extends Relay> relays) {
    try (SelfCheckWorld w = run.world()) {
      SelfCheckCall.Ended call = run.call(w, order(7, KEYBOARD, 2), FaultPlan.NONE);
      if (!(call.value() instanceof Order o)) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.expected.order", call.label(), call.outcome()));
      }
      ScriptedSink sink = ScriptedSink.acking();
      Relay relay = relays.apply(w.source(), sink);
      SelfCheckCall.Ended first = runOnce(w, relay);
      if (!first.returned()) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.runFailed", "after one order", first.outcome()));
      }
      List<ScriptedSink.Send> sends = sink.sends();
      if (sends.size() != 1) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.notSent", call.label(), o, describe(sends)));
      }
      Message m = sends.get(0).message();
      if (m.orderId() != o.id()
          || m.userId() != o.userId()
          || m.productId() != o.productId()
          || m.quantity() != o.quantity()) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.wrongMessage", o, m.toString()));
      }
      if (!Objects.equals(first.value(), 1)) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.count", "1", first.outcome()));
      }
      SelfCheckCall.Ended second = runOnce(w, relay);
      if (sink.sends().size() != 1) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.sentAgain", describe(sink.sends())));
      }
      if (!Objects.equals(second.value(), 0)) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.count", "0", second.outcome()));
      }
      return SelfCheck.Check.passed(title);
    }
  }

  /** A failure at each statement of placeOrder in turn: every table as it was, or the order. */
  private static SelfCheck.Check faults(SelfCheckRun<OutboxOrderService> run, String title)
      throws SQLException {
    SelfCheckRun.Scenario<OutboxOrderService> s = order(8, KEYBOARD, 4);
    SelfCheckRun.Clean clean = run.clean(s);
    if (!clean.placed()) {
      return SelfCheckFaults.notChecked(title, clean);
    }
    for (int k : SelfCheckFaults.faultable(clean.call().statements())) {
      try (SelfCheckWorld w = run.world()) {
        OutboxOrderService service = run.service(w.source());
        Map<String, List<String>> before = tables(w.plain(2000));
        SelfCheckCall.Ended failed = run.start(w, s, FaultPlan.failing(k), service).await();
        String when = clean.call().statement(k);
        if (failed.timedOut()) {
          return SelfCheck.Check.failed(
              title, Messages.get("selfcheck.faults.timeout", when, failed.outcome()));
        }
        Map<String, List<String>> after = tables(w.plain(2000));
        boolean whole = failed.returned() && w.state().sameAs(clean.after());
        if (!whole && !after.equals(before)) {
          return SelfCheck.Check.failed(
              title,
              Messages.get(
                  "selfcheck.outbox.partial", when, failed.outcome(), changes(before, after)));
        }
      }
    }
    return SelfCheck.Check.passed(title);
  }

  /**
   * Three orders; the broker does not acknowledge the first send it is scripted to refuse or time
   * out; the run must stop there, and the next run begin with that message, under its id.
   */
  private static SelfCheck.Check notAcknowledged(
      SelfCheckRun<OutboxOrderService> run,
      String title,
      BiFunction<ConnectionSource, Sink, ? extends Relay> relays,
      ScriptedSink.Outcome outcome,
      String what) {
    try (SelfCheckWorld w = run.world()) {
      List<Order> orders = new ArrayList<>();
      for (SelfCheckRun.Scenario<OutboxOrderService> s :
          List.of(order(1, KEYBOARD, 1), order(2, KEYBOARD, 2), order(3, MOUSE, 1))) {
        SelfCheckCall.Ended call = run.call(w, s, FaultPlan.NONE);
        if (!(call.value() instanceof Order o)) {
          return SelfCheck.Check.failed(
              title, Messages.get("selfcheck.expected.order", call.label(), call.outcome()));
        }
        orders.add(o);
      }
      ScriptedSink sink =
          outcome == ScriptedSink.Outcome.REFUSE
              ? ScriptedSink.sequence(Crash.NEVER, ScriptedSink.Outcome.ACK, outcome)
              : ScriptedSink.sequence(Crash.NEVER, outcome);
      Relay relay = relays.apply(w.source(), sink);
      String which = Messages.get(what);
      SelfCheckCall.Ended first = runOnce(w, relay);
      if (!first.returned()) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.runFailed", which, first.outcome()));
      }
      List<ScriptedSink.Send> once = sink.sends();
      int at = -1;
      for (int i = 0; i < once.size() && at < 0; i++) {
        if (once.get(i).outcome() == outcome) {
          at = i;
        }
      }
      if (at < 0) {
        return SelfCheck.Check.failed(
            title,
            Messages.get("selfcheck.outbox.notSent", "three orders", orders, describe(once)));
      }
      ScriptedSink.Send stopped = once.get(at);
      if (at != once.size() - 1) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.outbox.overtaken", describe(List.of(stopped)), which, describe(once)));
      }
      SelfCheckCall.Ended second = runOnce(w, relay);
      if (!second.returned()) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.runFailed", "a second time", second.outcome()));
      }
      List<ScriptedSink.Send> next = sink.sends().subList(once.size(), sink.sends().size());
      if (next.isEmpty() || next.get(0).message().orderId() != stopped.message().orderId()) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.outbox.notFirst", describe(List.of(stopped)), which, describe(next)));
      }
      String problem = delivered(sink.sends(), orders, "after two runs");
      return problem == null
          ? SelfCheck.Check.passed(title)
          : SelfCheck.Check.failed(title, problem);
    }
  }

  /**
   * Three orders; a child JVM runs the relay, its broker gets the second message and the JVM is
   * killed with SIGKILL before the ack reaches the relay; a new relay on the same file must send
   * that message again, with the same id.
   */
  private static SelfCheck.Check killed(
      SelfCheckRun<OutboxOrderService> run,
      String title,
      BiFunction<ConnectionSource, Sink, ? extends Relay> relays)
      throws SQLException {
    Path db;
    List<Order> orders = new ArrayList<>();
    Class<?> relayType;
    try (SelfCheckWorld w = run.world()) {
      db = w.db();
      for (SelfCheckRun.Scenario<OutboxOrderService> s :
          List.of(order(4, KEYBOARD, 1), order(5, MOUSE, 2), order(6, KEYBOARD, 1))) {
        SelfCheckCall.Ended call = run.call(w, s, FaultPlan.NONE);
        if (!(call.value() instanceof Order o)) {
          return SelfCheck.Check.failed(
              title, Messages.get("selfcheck.expected.order", call.label(), call.outcome()));
        }
        orders.add(o);
      }
      relayType = relays.apply(w.plain(2000), ScriptedSink.acking()).getClass();
    }
    List<Path> classpath;
    try {
      classpath = SelfCheckSubject.of(relayType).classpath(run.dir());
    } catch (RuntimeException e) {
      return SelfCheck.Check.failed(
          title, Messages.get("selfcheck.crash.cannotStart", e.getMessage()));
    }
    List<ScriptedSink.Send> before = new ArrayList<>();
    ChildJvm.Builder builder =
        ChildJvm.builder(OutboxRelayProcess.class.getName())
            .args(db.toString(), relayType.getName(), "2")
            .killAt("sink")
            .classpath(classpath)
            .property("org.sqlite.tmpdir", run.dir().toString())
            .label("selfcheck-relay");
    try (ChildJvm jvm = builder.start()) {
      ChildJvm.Signal signal = jvm.next(CHILD_DEADLINE);
      while (!signal.kind().equals(Child.KILL_POINT)
          && !signal.kind().equals(Child.ERROR)
          && !signal.kind().equals(Child.RESULT)) {
        if (signal.kind().equals(OutboxRelayProcess.SENT)) {
          String[] f = signal.payload().split(" ");
          long id = Long.parseLong(f[0]);
          long orderId = Long.parseLong(f[1]);
          Order o = orders.stream().filter(x -> x.id() == orderId).findFirst().orElse(null);
          before.add(
              new ScriptedSink.Send(
                  before.size() + 1,
                  new Message(
                      id,
                      orderId,
                      o == null ? 0 : o.userId(),
                      o == null ? 0 : o.productId(),
                      o == null ? 0 : o.quantity()),
                  ScriptedSink.Outcome.valueOf(f[2])));
        }
        signal = jvm.next(CHILD_DEADLINE);
      }
      if (!signal.kind().equals(Child.KILL_POINT)) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.crash.noKillPoint",
                "runOnce()",
                (signal.kind().equals(Child.ERROR) ? "threw " : "returned ") + signal.payload(),
                Messages.get("selfcheck.outbox.killPoint")));
      }
      jvm.kill();
    } catch (ChildJvmException e) {
      return SelfCheck.Check.failed(
          title,
          Messages.get(
              "selfcheck.crash.childFailed",
              "runOnce()",
              e.getMessage().replace(run.dir().toString(), Scratch.name(run.dir()))));
    }
    ScriptedSink.Send crashed = before.get(before.size() - 1);
    try (SelfCheckWorld w = new SelfCheckWorld(db)) {
      ScriptedSink sink = ScriptedSink.acking();
      Relay relay = relays.apply(w.source(), sink);
      SelfCheckCall.Ended again = runOnce(w, relay);
      if (!again.returned()) {
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.outbox.runFailed", "after the crash", again.outcome()));
      }
      List<ScriptedSink.Send> after = sink.sends();
      if (after.stream().noneMatch(s -> s.message().orderId() == crashed.message().orderId())) {
        return SelfCheck.Check.failed(
            title,
            Messages.get(
                "selfcheck.outbox.notResent",
                Long.toString(crashed.message().orderId()),
                describe(before),
                describe(after)));
      }
      List<ScriptedSink.Send> all = new ArrayList<>(before);
      all.addAll(after);
      String problem = delivered(all, orders, "across the crash");
      return problem == null
          ? SelfCheck.Check.passed(title)
          : SelfCheck.Check.failed(title, problem);
    }
  }

  private static SelfCheckCall.Ended runOnce(SelfCheckWorld w, Relay relay) {
    return SelfCheckCall.start(w.source(), "runOnce()", FaultPlan.NONE, relay::runOnce).await();
  }

  /**
   * What is wrong with the deliveries as a consumer that drops duplicates sees them, or {@code
   * null}: each order's message arrived, always under one id, first arrivals in the orders' order.
   */
  private static String delivered(List<ScriptedSink.Send> sends, List<Order> orders, String when) {
    Map<Long, Long> idOf = new TreeMap<>();
    List<Long> first = new ArrayList<>();
    for (ScriptedSink.Send s : sends) {
      Message m = s.message();
      Long id = idOf.putIfAbsent(m.orderId(), m.id());
      if (id != null && id != m.id()) {
        return Messages.get(
            "selfcheck.outbox.newId",
            Long.toString(m.orderId()),
            Long.toString(id),
            Long.toString(m.id()));
      }
      if (s.arrived() && !first.contains(m.orderId())) {
        first.add(m.orderId());
      }
    }
    List<Long> placed = orders.stream().map(Order::id).toList();
    for (long o : placed) {
      if (!first.contains(o)) {
        return Messages.get("selfcheck.outbox.lost", when, Long.toString(o), describe(sends));
      }
    }
    if (!first.equals(placed)) {
      return Messages.get("selfcheck.outbox.order", placed.toString(), first.toString());
    }
    return null;
  }

  private static String describe(List<ScriptedSink.Send> sends) {
    if (sends.isEmpty()) {
      return Messages.get("selfcheck.outbox.noSend");
    }
    List<String> parts = new ArrayList<>();
    for (ScriptedSink.Send s : sends) {
      parts.add(
          Messages.get(
              "selfcheck.outbox.send",
              Long.toString(s.message().id()),
              Long.toString(s.message().orderId()),
              s.outcome().name()));
    }
    return String.join(", ", parts);
  }

  /** Every table but SQLite's own, with its rows sorted. */
  private static Map<String, List<String>> tables(ConnectionSource db) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = db.open();
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String t : names) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.replace("\"", "\"\"") + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              row.add(String.valueOf(rs.getObject(i)));
            }
            rows.add("(" + String.join(", ", row) + ")");
          }
        }
        rows.sort(null);
        tables.put(t, rows);
      }
    }
    return tables;
  }

  private static String changes(Map<String, List<String>> before, Map<String, List<String>> after) {
    List<String> changes = new ArrayList<>();
    for (String t : after.keySet()) {
      List<String> b = before.getOrDefault(t, List.of());
      List<String> a = after.get(t);
      if (!a.equals(b)) {
        changes.add(
            Messages.get(
                "selfcheck.outbox.table",
                t,
                Integer.toString(b.size()),
                Integer.toString(a.size())));
      }
    }
    return String.join("; ", changes);
  }
}
