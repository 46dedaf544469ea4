package org.txlab.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.Controller;
import org.txlab.course.jdbc.StatementRecord;

/**
 * Carries out the judge's plans for the calls of one world: a paused call waits for {@code RESUME},
 * a parked one for its kill, a lock wait is reported; and it decides when a wait's clock stops so
 * that no verdict depends on the machine's speed.
 */
final class CallController implements Controller {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** A call the judge started. */
  static final class Running {
    final String id;
    final boolean heldByJudge;
    final boolean watch;
    final CountDownLatch resume = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    volatile Thread thread;
    volatile boolean finished;
    volatile boolean inAgentWait;
    volatile boolean reportedStuck;
    volatile boolean reportedWaiting;
    private boolean ended;

    Running(String id, boolean heldByJudge, boolean watch) {
      this.id = id;
      this.heldByJudge = heldByJudge;
      this.watch = watch;
    }

    /**
     * Sends one of the call's events, unless its result has gone: the judge takes any line after a
     * call's result as forged, so no thread of the agent may send one.
     */
    synchronized void event(Out out, String kind, String detail) {
      if (!ended) {
        out.send(Protocol.EVENT, id, kind, detail);
      }
    }

    /** Sends the call's result, its last line. */
    synchronized void end(Out out, String result) {
      ended = true;
      out.send(Protocol.RESULT, id, result);
    }
  }

  private final Out out;
  private final Map<CallScope, Running> byScope = new ConcurrentHashMap<>();
  private final Map<String, Running> byId = new ConcurrentHashMap<>();

  CallController(Out out) {
    this.out = out;
  }

  void started(CallScope scope, Running call) {
    byScope.put(scope, call);
    byId.put(call.id, call);
  }

  void finished(CallScope scope, Running call) {
    call.finished = true;
    byScope.remove(scope);
  }

  Running get(String id) {
    return byId.get(id);
  }

  @Override
  public void pause(CallScope scope, int next) {
    Running call = byScope.get(scope);
    if (call == null) {
      return;
    }
    call.event(out, Protocol.PAUSED, Integer.toString(next));
    call.inAgentWait = true;
    try {
      call.resume.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      call.inAgentWait = false;
    }
  }

  @Override
  public void park(CallScope scope, StatementRecord after) {
    Running call = byScope.get(scope);
    if (call != null) {
      call.inAgentWait = true;
      call.event(out, Protocol.PARKED, Integer.toString(after.number()));
    }
    while (true) {
      // The judge kills this JVM now; parking keeps the process exactly at this point.
      LockSupport.park();
    }
  }

  /**
   * A double of the world's external systems crashes the process: every call still running hears
   * {@code PARKED external}, and the calling thread parks until the judge's kill.
   */
  void parkExternal(String where) {
    for (Running call : byScope.values()) {
      if (!call.finished) {
        call.inAgentWait = true;
        call.event(out, Protocol.PARKED, "external: " + where);
      }
    }
    while (true) {
      LockSupport.park();
    }
  }

  @Override
  public void lockWait(CallScope scope, int statement) {
    Running call = byScope.get(scope);
    if (call != null) {
      call.reportedWaiting = true;
      call.event(out, Protocol.WAITING, Integer.toString(statement));
    }
  }

  @Override
  public boolean clockStopped(CallScope scope) {
    Running call = byScope.get(scope);
    if (call == null) {
      return false;
    }
    if (call.heldByJudge && call.released.getCount() > 0) {
      // The judge holds the lock and lets go as soon as it learns of this wait.
      return true;
    }
    // Another call the judge started is still in flight (paused, or running after a pause): this
    // wait ends when it does, however slow the machine is.
    for (Running other : byScope.values()) {
      if (other != call && !other.finished) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports a watched call that can only wait now: its thread is blocked, waiting or sleeping, and
   * no thread of the JVM is running the student's code (a thread pool of theirs included). That is
   * a state, not a time: the call cannot go on until something outside it (the paused call, the
   * judge) does, however slow the machine.
   */
  void watch() {
    List<Running> waiting = new ArrayList<>();
    for (Running call : byScope.values()) {
      Thread t = call.thread;
      if (!call.watch || call.finished || call.reportedStuck || call.inAgentWait || t == null) {
        continue;
      }
      Thread.State state = t.getState();
      if (state == Thread.State.BLOCKED
          || state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING) {
        waiting.add(call);
      }
    }
    if (waiting.isEmpty() || studentCodeRuns()) {
      return;
    }
    for (Running call : waiting) {
      call.reportedStuck = true;
      call.event(out, Protocol.STUCK, call.thread.getState().name());
    }
  }

  /** Tells whether any thread is runnable with a student class on its stack. */
  private static boolean studentCodeRuns() {
    for (ThreadInfo info : THREADS.dumpAllThreads(false, false, 64)) {
      if (info.getThreadState() != Thread.State.RUNNABLE) {
        continue;
      }
      for (StackTraceElement frame : info.getStackTrace()) {
        String loader = frame.getClassLoaderName();
        if (loader != null && loader.startsWith(World.STUDENT_LOADER)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Lets a paused call go on. */
  void resume(String id) {
    Running call = byId.get(id);
    if (call != null) {
      call.resume.countDown();
    }
  }

  /** The judge's lock holder let go: the call's lock wait counts time again. */
  void released(String id) {
    Running call = byId.get(id);
    if (call != null) {
      call.released.countDown();
    }
  }

  /** Waits a little between watches. */
  static void pauseWatcher() {
    try {
      TimeUnit.MILLISECONDS.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
