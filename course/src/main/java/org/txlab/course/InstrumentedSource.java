package org.txlab.course;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.txlab.placeorder.ConnectionSource;

/**
 * A {@link ConnectionSource} that watches what code does with its connections and can make it fail:
 * fault injection at the k-th JDBC statement, a hook after a statement (a kill point), and
 * bookkeeping of connections left open and of durability settings.
 *
 * <p>A "statement" here is each execution ({@code execute}, {@code executeQuery}, {@code
 * executeUpdate}, {@code executeBatch}, on plain and prepared statements) and each {@code
 * setAutoCommit} and {@code commit} call, counted from 1 across all connections of this source.
 * {@code rollback} and {@code close} are never failed: they are how code recovers.
 */
public final class InstrumentedSource implements ConnectionSource {
  private static final Pattern STOCK_UPDATE =
      Pattern.compile("^\\s*update\\s+[\"`\\[]?products\\b.*", Pattern.DOTALL);

  private final ConnectionSource delegate;
  private final AtomicInteger statements = new AtomicInteger();
  private final List<String> log = new ArrayList<>();
  private final List<Connection> opened = new ArrayList<>();
  private final List<Connection> closed = new ArrayList<>();
  private final List<String> durabilitySettings = new ArrayList<>();
  private volatile int failAt;
  private final Map<Connection, Thread> openers = new IdentityHashMap<>();
  private volatile BiConsumer<Integer, String> beforeStatement = (k, sql) -> {};
  private volatile BiConsumer<Integer, String> afterStatement = (k, sql) -> {};

  /**
   * Wraps a source.
   *
   * @param delegate where the real connections come from
   */
  public InstrumentedSource(ConnectionSource delegate) {
    this.delegate = delegate;
  }

  /**
   * Makes the {@code k}-th statement throw an {@link SQLException} before it reaches the database.
   *
   * @param k the statement's number, from 1; 0 for none
   * @return this source
   */
  public InstrumentedSource failAt(int k) {
    this.failAt = k;
    return this;
  }

  /**
   * Runs {@code hook} after each statement that succeeded, with its number and SQL.
   *
   * @param hook what to run, e.g. {@link Child#killPoint(String)} after a stock update
   * @return this source
   */
  public InstrumentedSource afterStatement(BiConsumer<Integer, String> hook) {
    this.afterStatement = hook;
    return this;
  }

  /**
   * Runs {@code hook} when a statement starts, before it reaches the database (and before an
   * injected failure).
   *
   * @param hook what to run, with the statement's number and SQL
   * @return this source
   */
  public InstrumentedSource beforeStatement(BiConsumer<Integer, String> hook) {
    this.beforeStatement = hook;
    return this;
  }

  /**
   * Tells whether a statement's SQL is an {@code UPDATE} of the {@code products} table.
   *
   * @param sql the SQL, or a pseudo-statement like {@code commit()}
   * @return true for a stock update
   */
  public static boolean isStockUpdate(String sql) {
    return STOCK_UPDATE.matcher(sql.toLowerCase(Locale.ROOT)).matches();
  }

  /** Returns how many statements ran or were attempted so far. */
  public int statementCount() {
    return statements.get();
  }

  /** Returns the statements so far, as {@code "#k sql"}. */
  public synchronized List<String> log() {
    return List.copyOf(log);
  }

  /** Returns how many connections were opened so far. */
  public synchronized int openedCount() {
    return opened.size();
  }

  /** Returns the connections opened but not closed by the code, so far. */
  public synchronized List<Connection> leaked() {
    List<Connection> leaks = new ArrayList<>(opened);
    leaks.removeAll(closed);
    return leaks;
  }

  /**
   * Closes the connections the code left open, which also rolls back their open transactions.
   *
   * @return how many there were
   */
  public int closeLeaked() {
    return close(leaked());
  }

  /**
   * Closes the connections that {@code thread} opened and left open: cleanup after one caller,
   * while other threads still use theirs.
   *
   * @param thread the thread that called the code
   * @return how many there were
   */
  public int closeLeakedBy(Thread thread) {
    List<Connection> leaks = new ArrayList<>();
    synchronized (this) {
      for (Connection c : leaked()) {
        if (openers.get(c) == thread) {
          leaks.add(c);
        }
      }
    }
    return close(leaks);
  }

  private static int close(List<Connection> leaks) {
    for (Connection c : leaks) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing is best effort here: the connection is abandoned either way.
      }
    }
    return leaks.size();
  }

  /**
   * Returns every {@code synchronous} and {@code journal_mode} setting seen on the code's
   * connections at each commit and close, as {@code "synchronous=2"} or {@code
   * "journal_mode=delete"}.
   */
  public synchronized List<String> durabilitySettings() {
    return List.copyOf(durabilitySettings);
  }

  @Override
  public Connection open() throws SQLException {
    Connection real = delegate.open();
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ConnectionHandler(real));
    synchronized (this) {
      opened.add(proxy);
      openers.put(proxy, Thread.currentThread());
    }
    return proxy;
  }

  private void before(String sql) throws SQLException {
    int k = statements.incrementAndGet();
    synchronized (this) {
      log.add("#" + k + " " + sql);
    }
    beforeStatement.accept(k, sql);
    if (k == failAt) {
      throw new SQLException(Messages.get("faults.injected", k, sql));
    }
  }

  private void after(String sql) {
    afterStatement.accept(statements.get(), sql);
  }

  private void recordDurability(Connection real) {
    try (Statement s = real.createStatement()) {
      String sync;
      String journal;
      try (ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
        sync = rs.next() ? rs.getString(1) : "?";
      }
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        journal = rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "?";
      }
      synchronized (this) {
        durabilitySettings.add("synchronous=" + sync);
        durabilitySettings.add("journal_mode=" + journal);
      }
    } catch (SQLException e) {
      // The connection may be broken; its settings are then unknown, not wrong.
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection real;

    ConnectionHandler(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "createStatement", "prepareStatement", "prepareCall" -> {
          Object statement = InstrumentedSource.invoke(real, method, args);
          String sql = method.getName().equals("createStatement") ? null : (String) args[0];
          return wrap((Statement) statement, sql, (Connection) proxy);
        }
        case "commit" -> {
          before("commit()");
          recordDurability(real);
          real.commit();
          after("commit()");
          return null;
        }
        case "setAutoCommit" -> {
          before("setAutoCommit(" + args[0] + ")");
          real.setAutoCommit((Boolean) args[0]);
          after("setAutoCommit(" + args[0] + ")");
          return null;
        }
        case "close" -> {
          if (!real.isClosed()) {
            recordDurability(real);
          }
          synchronized (InstrumentedSource.this) {
            if (!closed.contains(proxy)) {
              closed.add((Connection) proxy);
            }
          }
          real.close();
          return null;
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "instrumented " + real;
        }
        default -> {
          return InstrumentedSource.invoke(real, method, args);
        }
      }
    }

    private Statement wrap(Statement statement, String preparedSql, Connection owner) {
      Class<?> type =
          statement instanceof CallableStatement
              ? CallableStatement.class
              : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
      return (Statement)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {type},
              (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("execute")) {
                  String sql =
                      args != null && args.length > 0 && args[0] instanceof String s
                          ? s
                          : preparedSql != null ? preparedSql : name + "()";
                  before(sql);
                  Object result = InstrumentedSource.invoke(statement, method, args);
                  after(sql);
                  return result;
                }
                if (name.equals("getConnection")) {
                  return owner;
                }
                if (name.equals("equals")) {
                  return proxy == args[0];
                }
                if (name.equals("hashCode")) {
                  return System.identityHashCode(proxy);
                }
                return InstrumentedSource.invoke(statement, method, args);
              });
    }
  }
}
