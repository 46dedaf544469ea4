package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.judge.CallResult;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.placeorder.Order;

/**
 * One call of the student's code as the judge sees it: how it was called, and what the submission
 * JVM reported. Shared by every exercise's tests; decoding the returned value is theirs.
 *
 * @param label how messages name the call, e.g. {@code placeOrder(1, 3, 1)}
 * @param result what it reported
 */
public record Call(String label, CallResult result) {

  /**
   * Waits for a started call's result.
   *
   * @param c the call
   * @param w its world
   * @return the call
   */
  public static Call of(RemoteCall c, ShopWorld w) {
    return new Call(c.label(), c.result(w.session().callDeadline()));
  }

  /** Tells whether it returned (else it threw). */
  public boolean returned() {
    return result.returned();
  }

  /** Tells whether it threw an exception with no database error anywhere in its chain. */
  public boolean cleanRejection() {
    return !result.returned() && !result.error().rawDatabaseError();
  }

  /** Describes the outcome: {@code returned …} or {@code threw X: message}. */
  public String outcome() {
    return result.returned()
        ? "returned " + render(result.value())
        : "threw " + result.error().describe();
  }

  /** Fails the test unless the call returned. */
  public void expectReturned() {
    if (!result.returned()) {
      fail(Feedback.get("call.failed", label, result.error().describe()));
    }
  }

  /**
   * Fails the test unless the call returned an {@link Order}, and returns it.
   *
   * @return the order
   */
  public Order expectOrder() {
    expectReturned();
    Order o = order(result.value());
    if (o == null) {
      fail(Feedback.get("call.notAnOrder", label, outcome()));
    }
    return o;
  }

  /** Fails the test unless the call threw exactly {@code type}. */
  public void expectThrown(Class<? extends Throwable> type) {
    if (result.returned()) {
      fail(Feedback.get("call.returned", label, type.getSimpleName(), render(result.value())));
    }
    if (!result.error().type().equals(type.getName())) {
      fail(Feedback.get("call.threwOther", label, type.getSimpleName(), result.error().describe()));
    }
  }

  /** Returns the statements it made. */
  public List<StatementRecord> statements() {
    return result.statements();
  }

  /** Describes statement {@code k} of this call, e.g. {@code #4 UPDATE products SET …}. */
  public String statement(int k) {
    return result.statements().stream()
        .filter(s -> s.number() == k)
        .map(StatementRecord::describe)
        .findFirst()
        .orElse("#" + k);
  }

  /**
   * Decodes a returned {@link Order}, or {@code null} if the value is not one.
   *
   * @param v a returned value
   * @return the order, or {@code null}
   */
  public static Order order(JsonElement v) {
    try {
      JsonObject o = v.getAsJsonObject();
      if (!o.get("record").getAsString().equals(Order.class.getName())) {
        return null;
      }
      JsonObject f = o.getAsJsonObject("fields");
      return new Order(
          f.get("id").getAsLong(),
          f.get("userId").getAsLong(),
          f.get("productId").getAsLong(),
          f.get("quantity").getAsInt());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Decodes a returned list of orders, or {@code null} if the value is not one.
   *
   * @param v a returned value
   * @return the orders, or {@code null}
   */
  public static List<Order> orders(JsonElement v) {
    if (!v.isJsonArray()) {
      return null;
    }
    List<Order> orders = new ArrayList<>();
    for (JsonElement e : v.getAsJsonArray()) {
      Order o = order(e);
      if (o == null) {
        return null;
      }
      orders.add(o);
    }
    return orders;
  }

  /** Renders a returned value for a student: records as Java prints them. */
  static String render(JsonElement v) {
    if (v == null || v.isJsonNull()) {
      return "null";
    }
    if (v.isJsonPrimitive()) {
      return v.getAsJsonPrimitive().isString() ? "\"" + v.getAsString() + "\"" : v.toString();
    }
    if (v.isJsonArray()) {
      List<String> items = new ArrayList<>();
      for (JsonElement e : (JsonArray) v) {
        items.add(render(e));
      }
      return "[" + String.join(", ", items) + "]";
    }
    JsonObject o = v.getAsJsonObject();
    if (o.has("record") && o.has("fields")) {
      String name = o.get("record").getAsString();
      List<String> fields = new ArrayList<>();
      for (Map.Entry<String, JsonElement> f : o.getAsJsonObject("fields").entrySet()) {
        fields.add(f.getKey() + "=" + render(f.getValue()));
      }
      return name.substring(name.lastIndexOf('.') + 1) + "[" + String.join(", ", fields) + "]";
    }
    if (o.has("text")) {
      return o.get("text").getAsString();
    }
    return o.toString();
  }
}
