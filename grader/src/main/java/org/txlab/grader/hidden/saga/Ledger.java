package org.txlab.grader.hidden.saga;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.txlab.grader.suite.Feedback;

/**
 * The payment provider's records as the submission JVM reported them ({@code EXTERNALS}): hostile
 * data, so every field is checked, sizes are bounded, and anything malformed fails the test saying
 * so instead of being believed.
 *
 * @param accounts per order, what the provider holds, in order of its first call
 * @param charges how many charges reached the provider
 * @param refunds how many refunds reached it
 */
record Ledger(Map<Long, Account> accounts, int charges, int refunds) {
  static final int MAX_CHARS = 1 << 20;
  static final int MAX_ENTRIES = 1000;

  /**
   * One order's account, with the fields of {@code ScriptedPayments.Account}.
   *
   * @param orderId the order
   * @param amountCents what was charged (or is to land)
   * @param status {@code NONE}, {@code CHARGED} or {@code REFUNDED}
   * @param declined whether a charge was declined
   * @param lateCharge whether a timed-out charge has yet to land
   * @param voided whether a refund voided it before anything was charged
   * @param chargeCalls how many charges of it were made
   * @param refundCalls how many refunds of it were made
   */
  record Account(
      long orderId,
      long amountCents,
      String status,
      boolean declined,
      boolean lateCharge,
      boolean voided,
      int chargeCalls,
      int refundCalls) {

    boolean charged() {
      return status.equals("CHARGED");
    }

    String describe() {
      return switch (status) {
        case "CHARGED" -> "holds a charge of " + amountCents + " cents";
        case "REFUNDED" -> "charged " + amountCents + " cents and refunded them";
        default ->
            lateCharge
                ? "has a charge of " + amountCents + " cents still to land"
                : "holds nothing";
      };
    }
  }

  /** Returns an order's account; a fresh one if the provider never heard of it. */
  Account account(long orderId) {
    return accounts.getOrDefault(
        orderId, new Account(orderId, 0, "NONE", false, false, false, 0, 0));
  }

  /** Parses the world's {@code EXTERNALS} answer. */
  static Ledger parse(String externals) {
    try {
      if (externals == null || externals.length() > MAX_CHARS) {
        throw new IllegalArgumentException("too long");
      }
      JsonObject o = JsonParser.parseString(externals).getAsJsonObject();
      Map<Long, Account> accounts = new LinkedHashMap<>();
      JsonArray ledger = o.getAsJsonArray("ledger");
      if (ledger.size() > MAX_ENTRIES) {
        throw new IllegalArgumentException("too many accounts");
      }
      for (JsonElement e : ledger) {
        JsonObject a = e.getAsJsonObject();
        String status = a.get("status").getAsString();
        if (!List.of("NONE", "CHARGED", "REFUNDED").contains(status)) {
          throw new IllegalArgumentException("status " + status);
        }
        Account account =
            new Account(
                a.get("orderId").getAsLong(),
                a.get("amountCents").getAsLong(),
                status,
                a.get("declined").getAsBoolean(),
                a.get("lateCharge").getAsBoolean(),
                a.get("voided").getAsBoolean(),
                a.get("charges").getAsInt(),
                a.get("refunds").getAsInt());
        accounts.put(account.orderId(), account);
      }
      int charges = 0;
      int refunds = 0;
      JsonArray calls = o.getAsJsonArray("calls");
      for (int i = 0; i < calls.size() && i < MAX_ENTRIES * 10; i++) {
        String method = calls.get(i).getAsJsonObject().get("method").getAsString();
        if (method.equals("charge")) {
          charges++;
        } else if (method.equals("refund")) {
          refunds++;
        }
      }
      return new Ledger(accounts, charges, refunds);
    } catch (RuntimeException e) {
      return fail(Feedback.get("saga.externals", e.getClass().getSimpleName()));
    }
  }

  /** Returns the accounts as {@code ScriptedPayments.Account} JSON, to restore in a new world. */
  String json() {
    JsonArray out = new JsonArray();
    for (Account a : accounts.values()) {
      JsonObject o = new JsonObject();
      o.addProperty("orderId", a.orderId());
      o.addProperty("amountCents", a.amountCents());
      o.addProperty("status", a.status());
      o.addProperty("declined", a.declined());
      o.addProperty("lateCharge", a.lateCharge());
      o.addProperty("voided", a.voided());
      o.addProperty("charges", a.chargeCalls());
      o.addProperty("refunds", a.refundCalls());
      out.add(o);
    }
    return out.toString();
  }

  /** The accounts of orders the database does not hold (or no longer as the provider thinks). */
  List<Account> without(java.util.Set<Long> orderIds) {
    List<Account> others = new ArrayList<>();
    for (Account a : accounts.values()) {
      if (!orderIds.contains(a.orderId())) {
        others.add(a);
      }
    }
    return others;
  }
}
