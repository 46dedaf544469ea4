package org.txlab.agent;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteException;
import org.txlab.course.jdbc.StatementRecord;

/**
 * Turns what student code returned or threw into JSON for the judge, and the judge's arguments into
 * Java values.
 */
final class Values {
  private static final int MAX_TEXT = 2000;
  private static final int MAX_ITEMS = 1000;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_CHAIN = 10;

  private Values() {}

  /** Encodes a returned value: records by component, lists, scalars; anything else as text. */
  static JsonElement value(Object v, int depth) {
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    if (depth > MAX_DEPTH) {
      return text("(nested too deep)");
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (v instanceof CharSequence || v instanceof Character) {
      return text(v.toString());
    }
    if (v instanceof Enum<?> e) {
      JsonObject o = new JsonObject();
      o.addProperty("enum", e.getDeclaringClass().getName());
      o.addProperty("name", e.name());
      return o;
    }
    if (v instanceof Record r) {
      JsonObject o = new JsonObject();
      o.addProperty("record", r.getClass().getName());
      JsonObject fields = new JsonObject();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          Method accessor = c.getAccessor();
          accessor.setAccessible(true);
          fields.add(c.getName(), value(accessor.invoke(r), depth + 1));
        } catch (ReflectiveOperationException | RuntimeException e) {
          fields.add(c.getName(), text("(unreadable: " + e + ")"));
        }
      }
      o.add("fields", fields);
      return o;
    }
    if (v instanceof Collection<?> c) {
      return list(new ArrayList<>(c), depth);
    }
    if (v.getClass().isArray()) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < Math.min(Array.getLength(v), MAX_ITEMS); i++) {
        items.add(Array.get(v, i));
      }
      return list(items, depth);
    }
    JsonObject o = new JsonObject();
    o.addProperty("object", v.getClass().getName());
    o.add("text", text(String.valueOf(v)));
    return o;
  }

  private static JsonArray list(List<?> items, int depth) {
    JsonArray a = new JsonArray();
    for (int i = 0; i < Math.min(items.size(), MAX_ITEMS); i++) {
      a.add(value(items.get(i), depth + 1));
    }
    return a;
  }

  /** Encodes an exception: its type, message, domain fields, and the chain of causes. */
  static JsonObject error(Throwable t) {
    JsonObject o = new JsonObject();
    o.addProperty("type", t.getClass().getName());
    JsonArray types = new JsonArray();
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      types.add(c.getName());
    }
    o.add("types", types);
    o.add("message", text(String.valueOf(t.getMessage())));
    JsonObject fields = new JsonObject();
    List<Method> accessors = new ArrayList<>();
    for (Class<?> c = t.getClass();
        c != null && c.getName().indexOf("java.") != 0;
        c = c.getSuperclass()) {
      accessors.addAll(List.of(c.getDeclaredMethods()));
    }
    for (Method m : accessors) {
      // Domain exceptions expose what they name through accessors, e.g. productId().
      if (m.getParameterCount() == 0
          && Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getReturnType() != void.class
          && !m.getName().startsWith("get")) {
        try {
          m.setAccessible(true);
          fields.add(m.getName(), value(m.invoke(t), 1));
        } catch (ReflectiveOperationException | RuntimeException e) {
          // Not a value worth reporting.
        }
      }
    }
    o.add("fields", fields);
    JsonArray chain = new JsonArray();
    Throwable c = t;
    for (int i = 0; c != null && i < MAX_CHAIN; i++, c = c.getCause()) {
      JsonObject link = new JsonObject();
      link.addProperty("type", c.getClass().getName());
      link.add("message", text(String.valueOf(c.getMessage())));
      link.addProperty("sql", c instanceof SQLException);
      if (c instanceof SQLException sql) {
        link.addProperty(
            "code", sql instanceof SQLiteException s ? s.getResultCode().code : sql.getErrorCode());
      }
      chain.add(link);
      if (c.getCause() == c) {
        break;
      }
    }
    o.add("chain", chain);
    return o;
  }

  /** Encodes the statements of a call. */
  static JsonArray statements(List<StatementRecord> records) {
    JsonArray a = new JsonArray();
    for (StatementRecord r : records.subList(0, Math.min(records.size(), MAX_ITEMS))) {
      JsonObject o = new JsonObject();
      o.addProperty("n", r.number());
      o.addProperty("op", r.operation());
      o.addProperty("sql", r.sql());
      o.addProperty("conn", r.connection());
      JsonObject changes = new JsonObject();
      for (Map.Entry<String, Integer> e : r.changes().entrySet()) {
        changes.addProperty(e.getKey(), e.getValue());
      }
      o.add("changes", changes);
      o.addProperty("commit", r.committed());
      o.addProperty("rollback", r.rolledBack());
      o.add("error", text(r.error()));
      o.addProperty("code", r.resultCode());
      o.addProperty("settings", r.settings());
      o.addProperty("settingsAfter", r.settingsAfter());
      o.addProperty("waited", r.waitedForLock());
      o.addProperty("injected", r.injected());
      a.add(o);
    }
    return a;
  }

  private static JsonPrimitive text(String s) {
    return new JsonPrimitive(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s);
  }

  /**
   * Turns the judge's arguments into values of the parameter types.
   *
   * @param types the parameter types ({@code long}, {@code int}, {@code boolean}, {@code String}, a
   *     record class, or {@code list:<record class>})
   * @param args one JSON value per parameter
   * @param loader where record classes come from
   * @return the Java values and their classes
   */
  static Args arguments(List<String> types, JsonArray args, ClassLoader loader)
      throws ReflectiveOperationException {
    Object[] values = new Object[types.size()];
    Class<?>[] classes = new Class<?>[types.size()];
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      JsonElement a = args.get(i);
      switch (type) {
        case "long" -> {
          values[i] = a.getAsLong();
          classes[i] = long.class;
        }
        case "int" -> {
          values[i] = a.getAsInt();
          classes[i] = int.class;
        }
        case "boolean" -> {
          values[i] = a.getAsBoolean();
          classes[i] = boolean.class;
        }
        case "String" -> {
          values[i] = a.isJsonNull() ? null : a.getAsString();
          classes[i] = String.class;
        }
        default -> {
          if (type.startsWith("list:")) {
            Class<?> element = Class.forName(type.substring(5), true, loader);
            List<Object> list = new ArrayList<>();
            for (JsonElement e : a.getAsJsonArray()) {
              list.add(record(element, e.getAsJsonObject()));
            }
            values[i] = list;
            classes[i] = List.class;
          } else {
            Class<?> record = Class.forName(type, true, loader);
            values[i] = record(record, a.getAsJsonObject());
            classes[i] = record;
          }
        }
      }
    }
    return new Args(values, classes);
  }

  /** Arguments for a method call: values and the parameter types that find the method. */
  record Args(Object[] values, Class<?>[] types) {}

  private static Object record(Class<?> type, JsonObject fields)
      throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      JsonElement f = fields.get(components[i].getName());
      values[i] =
          types[i] == long.class
              ? f.getAsLong()
              : types[i] == int.class ? f.getAsInt() : f.isJsonNull() ? null : f.getAsString();
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }
}
