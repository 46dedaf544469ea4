package org.txlab.grader.judge;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.txlab.agent.Protocol;
import org.txlab.course.process.BoundedLines;
import org.txlab.course.process.ChildProcess;
import org.txlab.course.process.LineCodec;
import org.txlab.grader.sandbox.SandboxConfig;
import org.txlab.grader.sandbox.Slot;

/**
 * One sandboxed submission JVM and the judge's end of its protocol: commands and their replies,
 * calls and their events. A reader thread takes every line fd 1 carries. Student code shares that
 * fd and can write anything on it, so the judge keeps the protocol's books: one reply per command
 * it sent, events only while a call runs, one result per call. A line in the protocol's shape that
 * breaks those books is <em>forged</em>: whichever copy came first, the results of this JVM can no
 * longer be trusted, and the grade says so. Any other line is only <em>stray</em> output. When the
 * JVM ends, every waiter learns why, in student language.
 */
public final class AgentProcess implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final java.util.concurrent.ExecutorService LAUNCHER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sandbox-launcher");
            t.setDaemon(true);
            return t;
          });
  private static final java.util.regex.Pattern JVM_LINE =
      java.util.regex.Pattern.compile(
          "^(Terminating due to java\\.lang\\.OutOfMemoryError|#|Exception in thread|\\[[0-9.]+s\\])");

  private final ChildProcess child;
  private final Slot slot;
  private final SandboxConfig config;
  private final String name;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Map<String, BlockingQueue<List<String>>> replies = new ConcurrentHashMap<>();
  private final Map<String, RemoteCall> calls = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger forged = new AtomicInteger();
  private final AtomicInteger stray = new AtomicInteger();
  private final java.util.Set<String> unanswered = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> expired = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> ended = ConcurrentHashMap.newKeySet();
  private final StringBuilder jvmNotes = new StringBuilder();
  private volatile String stopReason;
  private volatile boolean loaded;
  private volatile SubmissionDied death;

  private AgentProcess(ChildProcess child, Slot slot, SandboxConfig config, String name) {
    this.child = child;
    this.slot = slot;
    this.config = config;
    this.name = name;
    Thread reader = new Thread(this::read, name + "-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a submission JVM.
   *
   * @param command its command line (from {@link org.txlab.grader.sandbox.Sandbox#command})
   * @param slot the slot it runs in
   * @param config the sandbox's knobs
   * @return the started JVM; call {@link #awaitReady} before commands
   */
  public static AgentProcess start(List<String> command, Slot slot, SandboxConfig config) {
    String name = "submission-jvm-" + NAMES.incrementAndGet();
    ChildProcess.Limits limits =
        new ChildProcess.Limits(
            SandboxConfig.MAX_LINE_BYTES,
            config.outputCapBytes(),
            config.outputCapBytes(),
            SandboxConfig.OUTPUT_KEPT_CHARS);
    // bwrap --die-with-parent ties the sandbox's life to the *thread* that started it (Linux's
    // parent-death signal), and test threads end after each test: start every sandbox from one
    // thread that lives as long as the grader.
    ChildProcess child;
    try {
      child = LAUNCHER.submit(() -> ChildProcess.start(command, limits, name)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraderTrouble("interrupted while starting a sandboxed JVM");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new GraderTrouble("cannot start a sandboxed JVM: " + e.getCause().getMessage());
    }
    AgentProcess p = new AgentProcess(child, slot, config, name);
    if (!slot.limitedByKernel()) {
      Watchdog.watch(p);
    }
    return p;
  }

  /**
   * Waits until the agent is ready. A JVM that does not start in time is the grader's trouble
   * (student code has not run yet).
   *
   * @throws GraderTrouble if it does not start
   */
  public void awaitReady() {
    try {
      if (ready.await(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS) && death == null) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill("[GRADER] start timeout");
    throw new GraderTrouble(
        "the sandboxed JVM did not start within "
            + config.startTimeout().toSeconds()
            + " s (the machine may be overloaded, or the sandbox broken): "
            + child.stderrAfterExit(Duration.ofSeconds(2)).strip());
  }

  /**
   * Sends a command and waits for its reply.
   *
   * @param deadline how long to wait
   * @param verb the command
   * @param args its arguments
   * @return the reply's values after {@code OK}
   * @throws AgentRefused if the agent answered {@code ERR}
   * @throws SubmissionDied if the JVM ended or the deadline passed
   */
  public List<String> command(Deadline deadline, String verb, String... args) {
    String id = "c" + ids.incrementAndGet();
    BlockingQueue<List<String>> reply = new LinkedBlockingQueue<>();
    replies.put(id, reply);
    try {
      send(id, verb, args);
      List<String> answer = reply.poll(deadline.left().toNanos(), TimeUnit.NANOSECONDS);
      if (answer == null) {
        // A reply that comes after all is late, not forged.
        expired.add(id);
        throw killForTimeout(doing(verb), deadline);
      }
      if (answer.isEmpty()) {
        throw death;
      }
      if (answer.get(0).equals(Protocol.ERR)) {
        throw new AgentRefused(answer.size() > 1 ? answer.get(1) : "");
      }
      return answer.subList(1, answer.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubmissionDied("[INTERRUPTED] the grader was interrupted");
    } finally {
      replies.remove(id);
    }
  }

  /**
   * Starts a call of student code.
   *
   * @param deadline for the command itself
   * @param label how messages name the call
   * @param args the {@code CALL} arguments after the call's id
   * @return the running call
   */
  public RemoteCall call(Deadline deadline, String label, String... args) {
    String id = "k" + ids.incrementAndGet();
    RemoteCall call = new RemoteCall(id, label, this);
    calls.put(id, call);
    String[] all = new String[args.length + 1];
    all[0] = id;
    System.arraycopy(args, 0, all, 1, args.length);
    command(deadline, "CALL", all);
    return call;
  }

  /** What a command does, in the words a student's feedback uses when it never finished. */
  static String doing(String verb) {
    return switch (verb) {
      case "NEW" -> "creating your class (its constructor)";
      case "FIND" -> "finding your class";
      case "CLASSES", "CELLS" -> "loading your code";
      case "CALL" -> "starting a call of your code";
      case "CLOSE_LEAKED" -> "closing what your code left open";
      default -> "the grader's step " + verb.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Sends a command whose reply nobody waits for. */
  void send(String verb, String... args) {
    String id = "s" + ids.incrementAndGet();
    if (!verb.equals("BYE")) {
      unanswered.add(id);
    }
    send(id, verb, args);
  }

  private void send(String id, String verb, String... args) {
    List<String> fields = new ArrayList<>();
    fields.add(id);
    fields.add(verb);
    fields.addAll(List.of(args));
    try {
      child.send(LineCodec.join(fields));
    } catch (IOException e) {
      // The JVM is gone; the reader reports why.
    }
  }

  /**
   * Returns how many lines on the channel had the protocol's shape but not its books: a second
   * reply, an event after a call's end, an answer to nothing the judge asked.
   */
  public int forgedLines() {
    return forged.get();
  }

  /** Returns how many lines on the channel were not the protocol's at all. */
  public int strayLines() {
    return stray.get();
  }

  /** Returns the start of what the student's code printed (fd 2). */
  public String output() {
    return child.stderr();
  }

  /** Tells whether the JVM still runs. */
  public boolean alive() {
    return death == null && child.isAlive();
  }

  /**
   * Waits for the JVM to exit.
   *
   * @param timeout how long
   * @return its exit code, or -1 if it still runs
   */
  public int awaitExit(Duration timeout) {
    return child.awaitExit(timeout);
  }

  /** Notes that the student's code was loaded into this JVM. */
  void markLoaded() {
    loaded = true;
  }

  /** Tells whether the student's code was loaded into this JVM. */
  boolean loaded() {
    return loaded;
  }

  /** Returns the JVM's process handle (its sandbox's, in fact: the root of the tree). */
  ProcessHandle handle() {
    return child.handle();
  }

  /** Returns the sandbox's knobs. */
  SandboxConfig config() {
    return config;
  }

  /** Returns the slot the JVM runs in. */
  public Slot slot() {
    return slot;
  }

  /**
   * Kills the JVM's whole process tree with SIGKILL; waiters are told {@code reason}.
   *
   * @param reason why, code first
   */
  public void kill(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    child.kill();
  }

  /** Kills the JVM because {@code what} did not finish in time, and says so. */
  SubmissionDied killForTimeout(String what, Deadline deadline) {
    String reason =
        "[TIMEOUT] "
            + what
            + " did not finish within "
            + deadline.what()
            + "'s "
            + deadline.length().toSeconds()
            + " s (an endless loop, or a wait that never ends); the JVM was stopped";
    kill(reason);
    child.awaitExit(Duration.ofSeconds(10));
    SubmissionDied d = death;
    return d != null ? d : new SubmissionDied(reason);
  }

  @Override
  public void close() {
    if (child.isAlive()) {
      send("BYE");
      kill("[CLOSED] grading of this JVM was over");
    }
    child.close();
  }

  private void read() {
    while (true) {
      BoundedLines.Item item;
      try {
        item = child.next(Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        return;
      }
      if (item == null) {
        continue;
      }
      if (item instanceof BoundedLines.Line line) {
        handle(line);
        continue;
      }
      end();
      return;
    }
  }

  private void handle(BoundedLines.Line line) {
    if (!line.cut() && line.text().isEmpty()) {
      // The agent frames each of its lines with newlines: an empty line is nobody's output.
      return;
    }
    List<String> f;
    try {
      f = line.cut() ? List.of() : LineCodec.split(line.text());
    } catch (IllegalArgumentException e) {
      f = List.of();
    }
    if (f.size() == 1 && f.get(0).equals(Protocol.READY) && ready.getCount() > 0) {
      ready.countDown();
      return;
    }
    if (f.size() >= 2 && (f.get(1).equals(Protocol.OK) || f.get(1).equals(Protocol.ERR))) {
      String id = f.get(0);
      BlockingQueue<List<String>> waiter = replies.remove(id);
      if (waiter != null) {
        waiter.add(f.subList(1, f.size()));
      } else if (!unanswered.remove(id) && !expired.remove(id)) {
        forged.incrementAndGet();
      }
      return;
    }
    if (f.size() >= 2 && (f.get(0).equals(Protocol.EVENT) || f.get(0).equals(Protocol.RESULT))) {
      RemoteCall call = calls.get(f.get(1));
      boolean isResult = f.get(0).equals(Protocol.RESULT);
      if (call == null
          || f.size() != (isResult ? 3 : 4)
          || (isResult ? !ended.add(call.id()) : ended.contains(call.id()))) {
        forged.incrementAndGet();
        return;
      }
      call.deliver(
          isResult
              ? new RemoteCall.Event("RESULT", f.get(2))
              : new RemoteCall.Event(f.get(2), f.get(3)));
      return;
    }
    if (!line.cut() && JVM_LINE.matcher(line.text()).find()) {
      // The JVM itself writes a few lines on fd 1 as it dies; those are not forgeries.
      synchronized (jvmNotes) {
        if (jvmNotes.length() < 4000) {
          jvmNotes.append(line.text()).append('\n');
        }
      }
      return;
    }
    // Not the agent's: student code wrote to fd 1 itself.
    stray.incrementAndGet();
  }

  /** The JVM ended: find out why and tell every waiter. */
  private void end() {
    int code = child.awaitExit(Duration.ofSeconds(10));
    String said;
    synchronized (jvmNotes) {
      said = child.stderrAfterExit(Duration.ofSeconds(5)) + "\n" + jvmNotes;
    }
    String reason;
    if (child.flooded()) {
      reason =
          "[OUTPUT_FLOOD] your code printed more than "
              + (config.outputCapBytes() >> 20)
              + " MB; the JVM was stopped";
    } else if (stopReason != null) {
      reason = stopReason;
    } else if (said.contains("unable to create native thread")
        || said.contains("unable to create new native thread")
        || slot.tasksExhausted()) {
      reason = "[OUT_OF_MEMORY] your code started more threads than the sandbox allows";
    } else if (said.contains("OutOfMemoryError")) {
      reason = "[OUT_OF_MEMORY] your code used more than the " + config.heapMb() + " MB heap";
    } else if (slot.oomKilled()) {
      reason =
          "[OUT_OF_MEMORY] your code used more memory than the sandbox allows ("
              + (config.memoryBytes() >> 20)
              + " MB, native memory and /tmp included)";
    } else {
      reason =
          "[EXIT] the JVM ended with code "
              + code
              + ": System.exit, Runtime.halt or a crash in your code";
    }
    SubmissionDied d = new SubmissionDied(reason);
    death = d;
    ready.countDown();
    replies.values().forEach(q -> q.add(List.of()));
    calls.values().forEach(c -> c.died(d));
  }

  /** Returns why the JVM ended, or {@code null} while it runs. */
  public String deathReason() {
    SubmissionDied d = death;
    return d == null ? null : d.getMessage();
  }

  /** Returns the JVM's name in the grader's logs. */
  public String name() {
    return name;
  }
}
