package org.txlab.course.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;
import org.txlab.course.Messages;
import org.txlab.placeorder.ConnectionSource;

/** One proxied connection: runs each operation as a numbered, recorded, fault-planned step. */
final class ConnectionHandler implements InvocationHandler {
  /** A JDBC call that may throw anything the driver throws. */
  interface Body {
    Object run() throws Throwable;
  }

  /** The effects SQLite reported during the operation running now on this connection. */
  private static final class Effects {
    final Map<String, Integer> changes = new LinkedHashMap<>();
    boolean committed;
    boolean rolledBack;
    boolean waited;
  }

  private final InstrumentedSource source;
  private final int number;
  private Connection real;
  private Connection proxy;
  private volatile Effects effects;
  private Effects unseen;
  private volatile CallScope running;
  private volatile int runningStatement;
  private volatile boolean internal;
  private volatile int busyTimeoutMs;

  ConnectionHandler(InstrumentedSource source, int number) {
    this.source = source;
    this.number = number;
  }

  void open(CallScope scope, ConnectionSource delegate, Connection proxy) throws SQLException {
    this.proxy = proxy;
    try {
      step(
          scope,
          "open",
          "",
          true,
          () -> {
            real = delegate.open();
            hook();
            return null;
          });
    } catch (SQLException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new SQLException(e);
    }
  }

  void closeReal() throws SQLException {
    if (real != null && !real.isClosed()) {
      real.close();
    }
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "createStatement", "prepareStatement", "prepareCall" -> {
        Statement statement = (Statement) call(real, method, args);
        String sql = name.equals("createStatement") ? null : (String) args[0];
        return wrap(statement, sql);
      }
      case "commit", "rollback", "setSavepoint", "releaseSavepoint" -> {
        // Rollbacks and releases are how code recovers: recorded, never failed.
        boolean failable = name.equals("commit") || name.equals("setSavepoint");
        String sql =
            args != null && args.length > 0 && args[0] instanceof Savepoint sp ? sp(sp) : "";
        return step(source.scope(), name, sql, failable, () -> call(real, method, args));
      }
      case "setAutoCommit", "setTransactionIsolation" -> {
        return step(
            source.scope(), name + "(" + args[0] + ")", "", true, () -> call(real, method, args));
      }
      case "close", "abort" -> {
        if (real == null || real.isClosed()) {
          source.closedByCode(number);
          return null;
        }
        step(source.scope(), "close", "", false, () -> call(real, method, args));
        source.closedByCode(number);
        return null;
      }
      case "unwrap" -> {
        Class<?> type = (Class<?>) args[0];
        return type.isInstance(proxy) ? proxy : call(real, method, args);
      }
      case "isWrapperFor" -> {
        return ((Class<?>) args[0]).isInstance(proxy) || (boolean) call(real, method, args);
      }
      case "equals" -> {
        return self == args[0];
      }
      case "hashCode" -> {
        return System.identityHashCode(self);
      }
      case "toString" -> {
        return "instrumented connection #" + number;
      }
      default -> {
        return call(real, method, args);
      }
    }
  }

  /** Runs one operation: pause, fault, effects, settings, kill point, as the call's plan says. */
  Object step(CallScope scope, String operation, String sql, boolean failable, Body body)
      throws Throwable {
    flushUnseen(scope);
    int k = scope.nextNumber();
    if (scope.plan().pauseBefore() == k) {
      source.controller().pause(scope, k);
    }
    boolean hasConnection = real != null;
    String before = hasConnection ? settings() : "";
    if (hasConnection) {
      keepBusyHandler();
    }
    String text =
        sql.length() > StatementRecord.MAX_SQL ? sql.substring(0, StatementRecord.MAX_SQL) : sql;
    if (failable && scope.plan().failAt() == k) {
      String what = text.isEmpty() ? operation + "()" : text;
      scope.add(
          new StatementRecord(
              k,
              operation,
              text,
              number,
              Map.of(),
              false,
              false,
              "java.sql.SQLException: injected",
              0,
              before,
              "",
              false,
              true));
      throw new SQLException(Messages.get("faults.injected", k, what));
    }
    Effects e = new Effects();
    effects = e;
    running = scope;
    runningStatement = k;
    String error = "";
    int code = 0;
    try {
      return body.run();
    } catch (SQLException x) {
      error = x.getClass().getName() + ": " + x.getMessage();
      code = x instanceof SQLiteException se ? se.getResultCode().code & 0xff : x.getErrorCode();
      if (code == 5 || code == 6) {
        // Busy or locked, at once (SQLite does not wait when waiting could deadlock): the call
        // met another connection's lock, just as a busy handler's wait would have told.
        source.controller().lockWait(scope, k);
      }
      throw x;
    } catch (Throwable x) {
      error = x.getClass().getName() + ": " + x.getMessage();
      throw x;
    } finally {
      effects = null;
      running = null;
      String after = e.committed && real != null ? settings() : "";
      StatementRecord record =
          new StatementRecord(
              k,
              operation,
              text,
              number,
              e.changes,
              e.committed,
              e.rolledBack,
              error,
              code,
              before,
              after,
              e.waited,
              false);
      scope.add(record);
      source.controller().afterStatement(scope, record);
      if (record.wrote() && !record.failed() && scope.wroteAndParks()) {
        source.controller().park(scope, record);
      }
    }
  }

  private Statement wrap(Statement statement, String preparedSql) {
    Class<?> type =
        statement instanceof CallableStatement
            ? CallableStatement.class
            : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    StringBuilder batch = new StringBuilder();
    return (Statement)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              String name = method.getName();
              if (name.equals("addBatch") && args != null && args.length == 1) {
                batch.append(args[0]).append(";\n");
              } else if (name.equals("clearBatch")) {
                batch.setLength(0);
              }
              if (name.startsWith("execute")) {
                String sql =
                    args != null && args.length > 0 && args[0] instanceof String s
                        ? s
                        : name.contains("Batch") && batch.length() > 0
                            ? batch.toString()
                            : preparedSql != null ? preparedSql : "";
                return step(source.scope(), name, sql, true, () -> call(statement, method, args));
              }
              return switch (name) {
                case "getConnection" -> proxy;
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> call(statement, method, args);
              };
            });
  }

  /** Registers SQLite's hooks on the real connection: effects, commits, lock waits. */
  private void hook() throws SQLException {
    if (!(real instanceof SQLiteConnection sqlite)) {
      return;
    }
    sqlite.addUpdateListener(
        (type, database, table, rowId) -> {
          Effects e = effects();
          e.changes.merge(type.name() + " " + table.toLowerCase(Locale.ROOT), 1, Integer::sum);
        });
    sqlite.addCommitListener(
        new SQLiteCommitListener() {
          @Override
          public void onCommit() {
            effects().committed = true;
          }

          @Override
          public void onRollback() {
            effects().rolledBack = true;
          }
        });
    busyTimeoutMs = Math.max(0, pragmaInt("PRAGMA busy_timeout"));
    BusyHandler.setHandler(real, new LockWait());
  }

  /** The effects of the running operation, or of an unseen one when the code went around us. */
  private Effects effects() {
    Effects e = effects;
    if (e != null) {
      return e;
    }
    synchronized (this) {
      if (unseen == null) {
        unseen = new Effects();
      }
      return unseen;
    }
  }

  /** Records what SQLite did while no operation of ours ran, as an {@code (unseen)} step. */
  private void flushUnseen(CallScope scope) {
    Effects e;
    synchronized (this) {
      e = unseen;
      unseen = null;
    }
    if (e != null) {
      scope.add(
          new StatementRecord(
              scope.nextNumber(),
              StatementRecord.UNSEEN,
              "",
              number,
              e.changes,
              e.committed,
              e.rolledBack,
              "",
              0,
              "",
              "",
              false,
              false));
    }
  }

  /** Keeps the lock-wait handler in place if the code set its own busy timeout. */
  private void keepBusyHandler() {
    if (!(real instanceof SQLiteConnection)) {
      return;
    }
    // While our handler is installed SQLite reports a busy timeout of 0; a positive one means the
    // code set its own (a PRAGMA or setBusyTimeout), which replaced our handler.
    int set = pragmaInt("PRAGMA busy_timeout");
    if (set > 0) {
      busyTimeoutMs = set;
      try {
        BusyHandler.setHandler(real, new LockWait());
      } catch (SQLException e) {
        // The connection is broken; its next statement will say so.
      }
    }
  }

  private String settings() {
    int sync = pragmaInt("PRAGMA synchronous");
    String journal = pragmaText("PRAGMA journal_mode");
    return sync < 0 || journal.isEmpty() ? "" : "synchronous=" + sync + " journal_mode=" + journal;
  }

  private int pragmaInt(String pragma) {
    String s = pragmaText(pragma);
    try {
      return s.isEmpty() ? -1 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String pragmaText(String pragma) {
    internal = true;
    try (Statement s = real.createStatement();
        ResultSet rs = s.executeQuery(pragma)) {
      return rs.next() ? String.valueOf(rs.getString(1)).toLowerCase(Locale.ROOT) : "";
    } catch (SQLException e) {
      return "";
    } finally {
      internal = false;
    }
  }

  /** A busy handler that keeps the busy timeout, tells the controller, and can stop the clock. */
  private final class LockWait extends BusyHandler {
    private long start;
    private long sleep;

    @Override
    protected int callback(int attempt) {
      int timeout = busyTimeoutMs;
      if (internal || timeout <= 0) {
        return 0;
      }
      CallScope call = running != null ? running : source.scope();
      Effects e = effects;
      if (attempt == 0) {
        if (e != null) {
          e.waited = true;
        }
        source.controller().lockWait(call, runningStatement);
        start = System.nanoTime();
        sleep = 1;
      }
      if (source.controller().clockStopped(call)) {
        start = System.nanoTime();
      } else if ((System.nanoTime() - start) / 1_000_000 >= timeout) {
        return 0;
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        return 0;
      }
      sleep = Math.min(sleep * 2, 20);
      return 1;
    }
  }

  private static String sp(Savepoint sp) {
    try {
      return "savepoint " + sp.getSavepointName();
    } catch (SQLException e) {
      return "savepoint";
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
