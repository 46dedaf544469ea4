package org.txlab.course.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.txlab.course.faults.FaultPlan;

/**
 * One call of the code under test: its statements, numbered from 1, and the fault plan they run
 * under. Opened by {@link InstrumentedSource#call}; statements made by the thread that opened it
 * (and threads it starts) belong to it until it is closed.
 */
public final class CallScope implements AutoCloseable {
  private final InstrumentedSource source;
  private final String label;
  private final FaultPlan plan;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<StatementRecord> statements = new ArrayList<>();
  private final List<Integer> opened = new ArrayList<>();
  private volatile boolean open = true;
  private volatile boolean parked;
  private int writes;

  CallScope(InstrumentedSource source, String label, FaultPlan plan) {
    this.source = source;
    this.label = label;
    this.plan = plan;
  }

  /** Returns the label given at start, e.g. {@code placeOrder(1, 3, 1)}. */
  public String label() {
    return label;
  }

  /** Returns the fault plan. */
  public FaultPlan plan() {
    return plan;
  }

  /** Returns the statements so far, in the order they began. */
  public synchronized List<StatementRecord> statements() {
    return List.copyOf(statements);
  }

  /** Returns the numbers of the connections this call opened. */
  public synchronized List<Integer> connectionsOpened() {
    return List.copyOf(opened);
  }

  /** Returns how many connections this call opened and did not close. */
  public int connectionsLeftOpen() {
    return source.leftOpen(connectionsOpened());
  }

  /** Tells whether the call is still open. */
  public boolean isOpen() {
    return open;
  }

  int nextNumber() {
    return counter.incrementAndGet();
  }

  synchronized void add(StatementRecord record) {
    statements.add(record);
  }

  synchronized void opened(int connection) {
    opened.add(connection);
  }

  /** Counts a statement that wrote; tells whether the plan parks the call after it. */
  synchronized boolean wroteAndParks() {
    writes++;
    if (parked || plan.parkAfterWrite() != writes) {
      return false;
    }
    parked = true;
    return true;
  }

  /** Ends the call: later statements of its threads belong to no call. */
  @Override
  public void close() {
    open = false;
    source.unbind(this);
  }
}
