package org.txlab.agent;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.txlab.course.patterns.Crash;
import org.txlab.course.patterns.ScriptedPayments;
import org.txlab.course.patterns.ScriptedSink;

/**
 * The patterns' external systems in a world: the course's scripted broker and payment provider,
 * scripted by the judge, crashing the JVM (a park the judge ends with a kill) where the script
 * says, and their records sent back on request.
 *
 * <p>Scripts are JSON. A sink's: {@code {"outcomes": ["ACK", "TIMEOUT", …], "lateMs": 200}}, the
 * outcome of each send in turn ({@link ScriptedSink.Outcome}), then {@code ACK}. A provider's:
 * {@code {"charge": {"*": ["PAY"], "3": ["TIMEOUT", "PAY"]}, "refund": {"*": ["OK"]}}}, per order
 * id (or {@code *} for any other order) the outcome of each attempt in turn, the last one repeated.
 */
final class Externals {
  private static final Gson GSON = new Gson();

  private Externals() {}

  /** A scripted sink whose crashes park the calling thread for the judge's kill. */
  static ScriptedSink sink(String scriptJson, CallController controller) {
    JsonObject script = JsonParser.parseString(scriptJson).getAsJsonObject();
    List<ScriptedSink.Outcome> outcomes = new ArrayList<>();
    if (script.has("outcomes")) {
      for (JsonElement e : script.getAsJsonArray("outcomes")) {
        outcomes.add(ScriptedSink.Outcome.valueOf(e.getAsString()));
      }
    }
    long lateMs = script.has("lateMs") ? script.get("lateMs").getAsLong() : 200;
    return new ScriptedSink(
        (attempt, message) ->
            attempt <= outcomes.size() ? outcomes.get(attempt - 1) : ScriptedSink.Outcome.ACK,
        Duration.ofMillis(lateMs),
        crash(controller),
        send -> {});
  }

  /** A scripted payment provider holding the given ledger, whose crashes park like the sink's. */
  static ScriptedPayments payments(String scriptJson, String ledgerJson, CallController c) {
    JsonObject script = JsonParser.parseString(scriptJson).getAsJsonObject();
    JsonObject charge = script.has("charge") ? script.getAsJsonObject("charge") : new JsonObject();
    JsonObject refund = script.has("refund") ? script.getAsJsonObject("refund") : new JsonObject();
    ScriptedPayments payments =
        new ScriptedPayments(
            new ScriptedPayments.Script() {
              @Override
              public ScriptedPayments.ChargeOutcome charge(long orderId, int attempt) {
                String o = pick(charge, orderId, attempt);
                return o == null
                    ? ScriptedPayments.ChargeOutcome.PAY
                    : ScriptedPayments.ChargeOutcome.valueOf(o);
              }

              @Override
              public ScriptedPayments.RefundOutcome refund(long orderId, int attempt) {
                String o = pick(refund, orderId, attempt);
                return o == null
                    ? ScriptedPayments.RefundOutcome.OK
                    : ScriptedPayments.RefundOutcome.valueOf(o);
              }
            },
            crash(c),
            call -> {});
    List<ScriptedPayments.Account> accounts = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(ledgerJson).getAsJsonArray()) {
      accounts.add(GSON.fromJson(e, ScriptedPayments.Account.class));
    }
    payments.restore(accounts);
    return payments;
  }

  /** The world's externals' records: {@code {"sends": […], "ledger": […], "calls": […]}}. */
  static String records(ScriptedSink sink, ScriptedPayments payments) {
    JsonObject o = new JsonObject();
    o.add("sends", sink == null ? new JsonArray() : GSON.toJsonTree(sink.sends()));
    o.add("ledger", payments == null ? new JsonArray() : GSON.toJsonTree(payments.ledger()));
    o.add("calls", payments == null ? new JsonArray() : GSON.toJsonTree(payments.calls()));
    return o.toString();
  }

  private static String pick(JsonObject byOrder, long orderId, int attempt) {
    String key = Long.toString(orderId);
    JsonArray list =
        byOrder.has(key)
            ? byOrder.getAsJsonArray(key)
            : byOrder.has("*") ? byOrder.getAsJsonArray("*") : null;
    if (list == null || list.isEmpty()) {
      return null;
    }
    return list.get(Math.min(attempt, list.size()) - 1).getAsString();
  }

  private static Crash crash(CallController controller) {
    return where -> controller.parkExternal(where);
  }
}
