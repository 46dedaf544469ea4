package org.txlab.grader.judge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.txlab.course.jdbc.StatementRecord;

/**
 * How one call of student code ended, as the submission JVM reported it: what it returned or threw,
 * and what its JDBC statements did. Decoded defensively; a field that is missing or of the wrong
 * type is a {@link ProtocolException}.
 *
 * @param returned whether it returned (else it threw)
 * @param value what it returned, as JSON ({@code {"record": …, "fields": {…}}} for a record)
 * @param error what it threw, or {@code null}
 * @param statements its JDBC operations, numbered from 1
 * @param opened how many connections it opened
 * @param leftOpen how many of those it left open
 * @param millis how long it ran inside the submission JVM
 */
public record CallResult(
    boolean returned,
    JsonElement value,
    Thrown error,
    List<StatementRecord> statements,
    int opened,
    int leftOpen,
    long millis) {

  /**
   * An exception the call threw.
   *
   * @param type its class's name
   * @param types its class and superclasses' names
   * @param message its message
   * @param fields what its accessors returned, e.g. {@code productId}
   * @param chain the causes, the exception itself first
   */
  public record Thrown(
      String type, List<String> types, String message, JsonObject fields, List<Link> chain) {

    /** Tells whether it is an instance of {@code type} (a class name). */
    public boolean is(String className) {
      return types.contains(className);
    }

    /** Tells whether an {@link java.sql.SQLException} is anywhere in the chain. */
    public boolean rawDatabaseError() {
      return chain.stream().anyMatch(Link::sql);
    }

    /** Tells whether SQLite said busy (or locked) anywhere in the chain. */
    public boolean busy() {
      return chain.stream()
          .anyMatch(l -> l.sql() && ((l.code() & 0xff) == 5 || (l.code() & 0xff) == 6));
    }

    /** Returns {@code type: message}, cut for messages. */
    public String describe() {
      String m = message.length() > 300 ? message.substring(0, 300) + "…" : message;
      return type + ": " + m;
    }
  }

  /**
   * One exception of a chain.
   *
   * @param type its class's name
   * @param message its message
   * @param sql whether it is an {@link java.sql.SQLException}
   * @param code SQLite's result code or the vendor code; 0 if none
   */
  public record Link(String type, String message, boolean sql, int code) {}

  /**
   * Decodes a result.
   *
   * @param json the RESULT's JSON
   * @return the result
   * @throws ProtocolException if it is not a result
   */
  static CallResult parse(String json) {
    try {
      JsonObject o = Json.parse(json).getAsJsonObject();
      boolean returned = o.get("outcome").getAsString().equals("returned");
      JsonElement value = returned ? o.get("value") : JsonNull.INSTANCE;
      Thrown error = returned ? null : thrown(o.getAsJsonObject("error"));
      List<StatementRecord> statements = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("statements")) {
        statements.add(statement(e.getAsJsonObject()));
      }
      return new CallResult(
          returned,
          value == null ? JsonNull.INSTANCE : value,
          error,
          List.copyOf(statements),
          o.get("opened").getAsInt(),
          o.get("leftOpen").getAsInt(),
          o.get("ms").getAsLong());
    } catch (RuntimeException e) {
      if (e instanceof ProtocolException p) {
        throw p;
      }
      throw new ProtocolException("malformed result: " + e);
    }
  }

  private static Thrown thrown(JsonObject e) {
    List<Link> chain = new ArrayList<>();
    JsonArray links = e.getAsJsonArray("chain");
    for (JsonElement l : links) {
      JsonObject link = l.getAsJsonObject();
      chain.add(
          new Link(
              link.get("type").getAsString(),
              link.get("message").getAsString(),
              link.has("sql") && link.get("sql").getAsBoolean(),
              link.has("code") ? link.get("code").getAsInt() : 0));
    }
    List<String> types = new ArrayList<>();
    if (e.has("types")) {
      e.getAsJsonArray("types").forEach(t -> types.add(t.getAsString()));
    }
    return new Thrown(
        e.get("type").getAsString(),
        List.copyOf(types),
        e.get("message").getAsString(),
        e.getAsJsonObject("fields"),
        List.copyOf(chain));
  }

  private static StatementRecord statement(JsonObject s) {
    Map<String, Integer> changes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> c : s.getAsJsonObject("changes").entrySet()) {
      changes.put(c.getKey(), c.getValue().getAsInt());
    }
    return new StatementRecord(
        s.get("n").getAsInt(),
        s.get("op").getAsString(),
        s.get("sql").getAsString(),
        s.get("conn").getAsInt(),
        changes,
        s.get("commit").getAsBoolean(),
        s.get("rollback").getAsBoolean(),
        s.get("error").getAsString(),
        s.get("code").getAsInt(),
        s.get("settings").getAsString(),
        s.get("settingsAfter").getAsString(),
        s.get("waited").getAsBoolean(),
        s.get("injected").getAsBoolean());
  }

  /** Returns the number of the last statement during which a transaction committed, or 0. */
  public int lastCommit() {
    int last = 0;
    for (StatementRecord s : statements) {
      if (s.committed()) {
        last = s.number();
      }
    }
    return last;
  }

  /** Tells whether any statement changed a row. */
  public boolean wrote() {
    return statements.stream().anyMatch(StatementRecord::wrote);
  }
}
