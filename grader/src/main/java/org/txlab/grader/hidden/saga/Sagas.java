package org.txlab.grader.hidden.saga;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.txlab.course.Shop;
import org.txlab.course.patterns.SagaShop;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.TemplateDb;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;

/** Worlds with a scripted provider, calls of the student's saga, and the invariant they share. */
final class Sagas {
  static final String CHECKOUT = "org.txlab.saga.CheckoutSaga#checkout";
  static final String RESUME = "org.txlab.saga.CheckoutSaga#resume";
  static final String FAILED = "org.txlab.saga.PaymentFailedException";
  static final String PAY = "{\"charge\": {\"*\": [\"PAY\"]}}";
  static final String DECLINE = "{\"charge\": {\"*\": [\"DECLINE\"]}}";

  private static final TemplateDb TEMPLATE = new TemplateDb("saga shop template", SagaShop::create);

  private Sagas() {}

  /** A provider script: each charge's and each refund's outcome in turn, the last repeated. */
  static String script(List<String> charge, List<String> refund) {
    return "{\"charge\": {\"*\": "
        + quoted(charge)
        + "}, \"refund\": {\"*\": "
        + quoted(refund)
        + "}}";
  }

  private static String quoted(List<String> outcomes) {
    List<String> q = new ArrayList<>();
    outcomes.forEach(o -> q.add("\"" + o + "\""));
    return "[" + String.join(", ", q) + "]";
  }

  /** Opens a world on a fresh saga shop, with the provider scripted, and the saga constructed. */
  static ShopWorld open(SuiteContext suite, AgentProcess jvm, String script) {
    return on(suite, jvm, null, script, "[]");
  }

  /** Opens a world on a fresh copy of {@code db} (or of the fixtures), with a provider's ledger. */
  static ShopWorld on(
      SuiteContext suite, AgentProcess jvm, Path db, String script, String ledgerJson) {
    ShopWorld w = ShopWorld.bare(suite, jvm, db == null ? TEMPLATE.file() : db);
    w.payments(script, ledgerJson);
    w.construct(ShopWorld.IMPL, suite.implementation());
    return w;
  }

  /** Reopens a crashed world's own database in the main JVM: the restarted service. */
  static ShopWorld restarted(SuiteContext suite, Path db, String script, Ledger ledger) {
    ShopWorld w = ShopWorld.reopenBare(suite, suite.session().main(), db);
    w.payments(script, ledger.json());
    w.construct(ShopWorld.IMPL, suite.implementation());
    return w;
  }

  static RemoteCall startCheckout(ShopWorld w, long user, long product, int quantity, Plan plan) {
    return w.start(
        "checkout(" + user + ", " + product + ", " + quantity + ")",
        CHECKOUT,
        "[\"long\",\"long\",\"int\"]",
        "[" + user + "," + product + "," + quantity + "]",
        plan);
  }

  static Call checkout(ShopWorld w, long user, long product, int quantity, Plan plan) {
    return Call.of(startCheckout(w, user, product, quantity, plan), w);
  }

  /**
   * Runs a checkout the test needs to have stored its order (to fault its statements, to count its
   * connections), and fails saying the test could not be checked if it did not.
   */
  static Call cleanCheckout(ShopWorld w, long user, long product, Plan plan, String kind) {
    Call c = checkout(w, user, product, 1, plan);
    if (state(w).orders().isEmpty()) {
      fail(Feedback.get("saga.notReserved", c.label(), kind, c.outcome()));
    }
    return c;
  }

  static RemoteCall startResume(ShopWorld w, Plan plan) {
    return w.start("resume()", RESUME, "[]", "[]", plan);
  }

  static Call resume(ShopWorld w, Plan plan) {
    return Call.of(startResume(w, plan), w);
  }

  /** Fails the test unless resume() returned a count (a failure of its own is not settling). */
  static int expectResumed(Call resume, String when) {
    if (!resume.returned()) {
      fail(Feedback.get("saga.resumeFailed", when, resume.outcome()));
    }
    try {
      return resume.result().value().getAsInt();
    } catch (RuntimeException e) {
      return fail(Feedback.get("saga.resumeFailed", when, resume.outcome()));
    }
  }

  /** Fails unless a checkout returned an order or threw PaymentFailedException. */
  static void expectSettledAnswer(Call c, String when) {
    if (c.returned()) {
      if (Call.order(c.result().value()) == null) {
        fail(Feedback.get("call.notAnOrder", c.label(), c.outcome()));
      }
    } else if (!c.result().error().type().equals(FAILED)) {
      fail(Feedback.get("saga.answer", c.label(), when, c.outcome()));
    }
  }

  static SagaState state(ShopWorld w) {
    return SagaState.read(w, TEMPLATE);
  }

  static Ledger ledger(ShopWorld w) {
    return Ledger.parse(w.externals());
  }

  /**
   * Fails the test unless the saga is settled: no order {@code PENDING}; each {@code PAID} order
   * charged price times quantity and each {@code CANCELLED} one holding nothing at the provider; no
   * money held for an order the database does not have; every stock the fixture's less the
   * quantities of the paid orders.
   *
   * @param w the world, quiescent
   * @param when what happened, for messages
   * @return the state it checked
   */
  static SagaState expectSettled(ShopWorld w, String when) {
    SagaState s = state(w);
    Ledger l = ledger(w);
    List<SagaState.Row> pending = s.withStatus("PENDING");
    if (!pending.isEmpty()) {
      fail(Feedback.get("saga.pending", when, pending.get(0).describe(), s.describe()));
    }
    Set<Long> ids = new HashSet<>();
    Map<Long, Long> paid = new LinkedHashMap<>();
    for (SagaState.Row o : s.orders()) {
      ids.add(o.id());
      Ledger.Account a = l.account(o.id());
      Shop.Product p = s.product(o.productId());
      long due = p == null ? -1 : p.priceCents() * o.quantity();
      if (o.status().equals("PAID")) {
        if (!a.charged() || a.amountCents() != due) {
          fail(
              Feedback.get(
                  "saga.paidNotCharged", when, o.describe(), Long.toString(due), a.describe()));
        }
        paid.merge(o.productId(), (long) o.quantity(), Long::sum);
      } else if (o.status().equals("CANCELLED")) {
        if (a.charged() || (a.lateCharge() && !a.voided())) {
          fail(Feedback.get("saga.cancelledCharged", when, o.describe(), a.describe()));
        }
      } else {
        fail(Feedback.get("saga.pending", when, o.describe(), s.describe()));
      }
    }
    for (Ledger.Account a : l.without(ids)) {
      if (a.charged()) {
        fail(Feedback.get("saga.chargedNoOrder", when, Long.toString(a.orderId()), a.describe()));
      }
    }
    for (Shop.Product f : Shop.FIXTURES) {
      long expected = f.stock() - paid.getOrDefault(f.id(), 0L);
      if (s.stock(f.id()) != expected) {
        fail(
            Feedback.get(
                "saga.stock",
                when,
                Long.toString(f.id()),
                Long.toString(expected),
                Long.toString(s.stock(f.id())),
                s.describe()));
      }
    }
    return s;
  }

  /**
   * A process killed where the provider or a park plan stopped it: its database (settled after the
   * kill) and the provider's ledger as it was at the moment of the kill.
   *
   * @param db the database file
   * @param ledger the provider's ledger, read before the kill
   * @param where where it stopped, for messages
   */
  record Crashed(Path db, Ledger ledger, String where) {}

  /**
   * Runs a call in a killable JVM until it parks (a crash the provider or the plan scripted), reads
   * the ledger, kills the JVM for real and waits until its locks are gone.
   *
   * @return the crash, or {@code null} after failing the test if the call never parked
   */
  static Crashed crash(SuiteContext suite, AgentProcess jvm, ShopWorld w, RemoteCall call) {
    RemoteCall.Event e = call.until(suite.session().callDeadline(), "PARKED");
    if (e.kind().equals("RESULT")) {
      Call done = Call.of(call, w);
      return fail(Feedback.get("saga.noCrash", done.label(), done.outcome()));
    }
    Ledger ledger = ledger(w);
    jvm.kill("[KILLED] by the crash test");
    jvm.awaitExit(Duration.ofSeconds(10));
    ShopWorld.awaitTheCrashOver(suite, w.db());
    return new Crashed(w.db(), ledger, e.detail());
  }

  /** Runs a checkout in a killable JVM until the provider crashes it. */
  static Crashed crashDuringCheckout(SuiteContext suite, String script, int quantity) {
    AgentProcess jvm = suite.session().killable();
    try (ShopWorld w = open(suite, jvm, script)) {
      return crash(suite, jvm, w, startCheckout(w, 5, 1, quantity, Plan.NORMAL));
    }
  }
}
