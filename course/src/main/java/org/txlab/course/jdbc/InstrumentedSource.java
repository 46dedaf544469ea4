package org.txlab.course.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.txlab.course.faults.FaultPlan;
import org.txlab.placeorder.ConnectionSource;

/**
 * A {@link ConnectionSource} whose connections the code under test uses as usual while every
 * operation is numbered, its effect recorded and the call's {@link FaultPlan} carried out.
 *
 * <p>Effects come from SQLite itself (sqlite-jdbc's update and commit hooks on the real
 * connection), so a statement is known to write, commit or roll back whatever its SQL looks like.
 * Lock waits go through a busy handler of this source that keeps the connection's busy timeout
 * (also one the code sets itself) and tells the {@link Controller}.
 */
public final class InstrumentedSource implements ConnectionSource {
  private final ConnectionSource delegate;
  private final Controller controller;
  private final InheritableThreadLocal<CallScope> current = new InheritableThreadLocal<>();
  private final List<CallScope> active = new ArrayList<>();
  private final CallScope outside;
  private final List<Connection> opened = new ArrayList<>();
  private final Set<Integer> closedByCode = new HashSet<>();
  private final Set<Integer> closedForCode = new HashSet<>();

  /**
   * Wraps a source.
   *
   * @param delegate where the real connections come from (sqlite-jdbc's, for effects and waits)
   * @param controller carries out pauses, kill points and lock waits
   */
  public InstrumentedSource(ConnectionSource delegate, Controller controller) {
    this.delegate = delegate;
    this.controller = controller;
    this.outside = new CallScope(this, "(outside any call)", FaultPlan.NONE);
  }

  /**
   * Begins a call on this thread: until the scope is closed, this thread's statements (and those of
   * threads it starts) belong to it and run under {@code plan}.
   *
   * @param label how messages name the call, e.g. {@code placeOrder(1, 3, 1)}
   * @param plan the faults to carry out
   * @return the call's scope; close it when the call returns
   */
  public CallScope call(String label, FaultPlan plan) {
    CallScope scope = new CallScope(this, label, plan);
    synchronized (this) {
      active.add(scope);
    }
    current.set(scope);
    return scope;
  }

  /** Returns the statements made outside any call (e.g. in a constructor). */
  public List<StatementRecord> outsideCalls() {
    return outside.statements();
  }

  /** Returns how many connections were opened in all. */
  public synchronized int openedCount() {
    return opened.size();
  }

  /** Returns the connections opened and not closed by the code (nor for it), so far. */
  public synchronized List<Connection> leaked() {
    List<Connection> leaks = new ArrayList<>();
    for (int i = 0; i < opened.size(); i++) {
      if (!closedByCode.contains(i + 1) && !closedForCode.contains(i + 1)) {
        leaks.add(opened.get(i));
      }
    }
    return leaks;
  }

  /**
   * Closes the connections the code left open, which also rolls back their open transactions.
   *
   * @return how many there were
   */
  public int closeLeaked() {
    List<Connection> leaks;
    synchronized (this) {
      leaks = leaked();
      leaks.forEach(c -> closedForCode.add(opened.indexOf(c) + 1));
    }
    return closeAll(leaks);
  }

  /**
   * Closes the connections one call opened and left open: cleanup after one caller while others
   * still use theirs.
   *
   * @param call the call
   * @return how many there were
   */
  public int closeLeakedBy(CallScope call) {
    List<Connection> leaks = new ArrayList<>();
    synchronized (this) {
      for (int n : call.connectionsOpened()) {
        if (!closedByCode.contains(n) && closedForCode.add(n)) {
          leaks.add(opened.get(n - 1));
        }
      }
    }
    return closeAll(leaks);
  }

  @Override
  public Connection open() throws SQLException {
    CallScope scope = scope();
    int number;
    synchronized (this) {
      number = opened.size() + 1;
    }
    ConnectionHandler handler = new ConnectionHandler(this, number);
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    handler.open(scope, delegate, proxy);
    synchronized (this) {
      opened.add(proxy);
    }
    scope.opened(number);
    return proxy;
  }

  Controller controller() {
    return controller;
  }

  /** The call the current thread's statements belong to. */
  CallScope scope() {
    CallScope scope = current.get();
    if (scope != null && scope.isOpen()) {
      return scope;
    }
    synchronized (this) {
      // A thread the code borrowed from a pool of its own: if only one call runs, it is that one.
      return active.size() == 1 ? active.get(0) : outside;
    }
  }

  synchronized void unbind(CallScope scope) {
    active.remove(scope);
    if (current.get() == scope) {
      current.remove();
    }
  }

  synchronized void closedByCode(int connection) {
    closedByCode.add(connection);
  }

  /** How many of these connections the code itself left open (closed for it later or not). */
  synchronized int leftOpen(List<Integer> connections) {
    return (int) connections.stream().filter(n -> !closedByCode.contains(n)).count();
  }

  private static int closeAll(List<Connection> connections) {
    for (Connection c : connections) {
      try {
        ((ConnectionHandler) Proxy.getInvocationHandler(c)).closeReal();
      } catch (SQLException e) {
        // Best effort: the connection is abandoned either way.
      }
    }
    return connections.size();
  }
}
