package org.txlab.course;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.txlab.placeorder.ConnectionSource;

/**
 * The connections of {@link Timeline.Recorder#watch}: every statement a connection runs becomes a
 * span, in the lane of the thread that ran it, failures included.
 */
final class StatementSpans {
  private static final Set<String> EXECUTE =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");
  private static final Set<String> WORDS_TO_SKIP = Set.of("INTO", "FROM", "OR");

  private StatementSpans() {}

  static ConnectionSource watch(
      ConnectionSource source, Timeline.Recorder recorder, Supplier<String> lane) {
    return () -> {
      Connection real = source.open();
      return (Connection)
          Proxy.newProxyInstance(
              StatementSpans.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              new Watched(real, recorder, lane, null));
    };
  }

  /** Times the calls that reach the database; passes everything else through. */
  private record Watched(Object real, Timeline.Recorder recorder, Supplier<String> lane, String sql)
      implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (real instanceof Connection) {
        switch (name) {
          case "createStatement" -> {
            return wrap(Statement.class, call(method, args), null);
          }
          case "prepareStatement" -> {
            return wrap(PreparedStatement.class, call(method, args), (String) args[0]);
          }
          case "prepareCall" -> {
            return wrap(CallableStatement.class, call(method, args), (String) args[0]);
          }
          case "commit", "rollback" -> {
            return timed(name + "()", name.equals("commit") ? "commit" : "rollback", method, args);
          }
          case "setAutoCommit" -> {
            boolean on = (Boolean) args[0];
            return timed("setAutoCommit(" + on + ")", on ? "commit" : "begin", method, args);
          }
          default -> {
            return call(method, args);
          }
        }
      }
      if (EXECUTE.contains(name)) {
        String statement = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
        String label = label(statement == null ? name : statement);
        return timed(label, kind(label), method, args);
      }
      return call(method, args);
    }

    private Object wrap(Class<?> type, Object statement, String preparedSql) {
      return Proxy.newProxyInstance(
          StatementSpans.class.getClassLoader(),
          new Class<?>[] {type},
          new Watched(statement, recorder, lane, preparedSql));
    }

    private Object timed(String label, String kind, Method method, Object[] args) throws Exception {
      return recorder.time(lane.get(), label, kind, () -> call(method, args));
    }

    private Object call(Method method, Object[] args) throws Exception {
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        throw e;
      }
    }
  }

  /** The first words of a statement: {@code UPDATE products}, {@code BEGIN IMMEDIATE}. */
  static String label(String sql) {
    String[] words = sql.strip().split("\\s+");
    String verb = words[0].toUpperCase(Locale.ROOT);
    int next = 1;
    while (next < words.length && WORDS_TO_SKIP.contains(words[next].toUpperCase(Locale.ROOT))) {
      next++;
    }
    String object = next < words.length ? words[next] : "";
    if (verb.equals("BEGIN") || verb.equals("PRAGMA")) {
      object = object.toUpperCase(Locale.ROOT);
    }
    return (verb + " " + object.replaceAll("[(;].*", "")).strip();
  }

  static String kind(String label) {
    String verb = label.split(" ")[0];
    return switch (verb) {
      case "SELECT" -> "read";
      case "UPDATE", "INSERT", "DELETE", "REPLACE" -> "write";
      case "BEGIN" -> "begin";
      case "COMMIT", "END" -> "commit";
      case "ROLLBACK" -> "rollback";
      default -> "other";
    };
  }
}
