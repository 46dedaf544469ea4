package org.txlab.grader.judge;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A call of student code running in a submission JVM: its events as they come, then its result. */
public final class RemoteCall {
  /**
   * Something the call did: {@code PAUSED}, {@code WAITING}, {@code STUCK}, {@code PARKED} (with a
   * statement number or a thread state), or {@code RESULT}.
   *
   * @param kind what
   * @param detail the statement number, the thread state, or the result's JSON
   */
  public record Event(String kind, String detail) {}

  private final String id;
  private final String label;
  private final AgentProcess jvm;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private volatile CallResult result;

  RemoteCall(String id, String label, AgentProcess jvm) {
    this.id = id;
    this.label = label;
    this.jvm = jvm;
  }

  /** Returns the call's id in the protocol. */
  public String id() {
    return id;
  }

  /** Returns how messages name it, e.g. {@code placeOrder(1, 3, 1)}. */
  public String label() {
    return label;
  }

  void deliver(Event e) {
    events.add(e);
  }

  void died(SubmissionDied death) {
    events.add(death);
  }

  /**
   * Waits for the call's next event.
   *
   * @param deadline how long to wait
   * @return the event; a {@code RESULT} event once the call ended
   * @throws SubmissionDied if the JVM ended first, or the deadline passed (the JVM is then killed)
   */
  public Event next(Deadline deadline) {
    Object item;
    try {
      item = events.poll(deadline.left().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubmissionDied("[INTERRUPTED] the grader was interrupted");
    }
    if (item == null) {
      throw jvm.killForTimeout(label, deadline);
    }
    if (item instanceof SubmissionDied d) {
      events.add(d);
      throw d;
    }
    Event e = (Event) item;
    if (e.kind().equals("RESULT")) {
      result = CallResult.parse(e.detail());
      events.add(e);
    }
    return e;
  }

  /**
   * Waits for the call's result, skipping events.
   *
   * @param deadline how long to wait
   * @return the result
   * @throws SubmissionDied if the JVM ended first, or the deadline passed
   */
  public CallResult result(Deadline deadline) {
    while (result == null) {
      next(deadline);
    }
    return result;
  }

  /**
   * Waits until the call reaches one of {@code kinds} or ends.
   *
   * @param deadline how long to wait
   * @param kinds event kinds, e.g. {@code PAUSED}
   * @return the event, or the {@code RESULT} event if the call ended first
   */
  public Event until(Deadline deadline, String... kinds) {
    while (true) {
      Event e = next(deadline);
      if (e.kind().equals("RESULT")) {
        return e;
      }
      for (String k : kinds) {
        if (e.kind().equals(k)) {
          return e;
        }
      }
    }
  }

  /** Tells whether the result has arrived (without waiting). */
  public boolean done() {
    return result != null
        || events.stream().anyMatch(e -> e instanceof Event ev && ev.kind().equals("RESULT"));
  }

  /** Lets the call go on after a pause. */
  public void resume() {
    jvm.send("RESUME", id);
  }

  /** Tells the call that the judge's lock holder let go. */
  public void released() {
    jvm.send("RELEASED", id);
  }
}
