package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.txlab.course.Shop;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.AgentRefused;
import org.txlab.grader.judge.CallResult;
import org.txlab.grader.judge.GraderTrouble;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.judge.Session;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;
import org.txlab.placeorder.ConnectionSource;

/**
 * One hidden test's shop: a fresh copy of the fixture database in the submission's scratch, and the
 * student's class constructed over it in a submission JVM (in a class loader of its own, so no
 * static state survives from another test). The judge reads and writes the same file with its own
 * hardened connections.
 */
public final class ShopWorld implements AutoCloseable {
  /** The busy timeout of the student's connections: long enough for any correct wait. */
  public static final int BUSY_TIMEOUT_MS = 2000;

  /** The name of the exercise's object in a world. */
  public static final String IMPL = "impl";

  private static final TemplateDb TEMPLATE = new TemplateDb("template shop database", Shop::create);

  private final Session session;
  private final AgentProcess jvm;
  private final String id;
  private final Path db;
  private final String implementation;

  private ShopWorld(Session session, AgentProcess jvm, String id, Path db, String implementation) {
    this.session = session;
    this.jvm = jvm;
    this.id = id;
    this.db = db;
    this.implementation = implementation;
  }

  /**
   * Opens a world on the suite's main submission JVM.
   *
   * @param suite the running suite
   * @return the world, with the student's class constructed
   */
  public static ShopWorld open(SuiteContext suite) {
    return open(suite, suite.session().main());
  }

  /**
   * Opens a world on a given submission JVM (e.g. one the test will kill).
   *
   * @param suite the running suite
   * @param jvm the JVM
   * @return the world, with the student's class constructed
   */
  public static ShopWorld open(SuiteContext suite, AgentProcess jvm) {
    ShopWorld world = bare(suite, jvm, null);
    world.construct(IMPL, suite.implementation());
    return world;
  }

  /**
   * Opens a world on a fresh copy of a database, with nothing constructed yet: the test gives it
   * its external systems ({@link #sink}, {@link #payments}) first, then {@link #construct}s.
   *
   * @param suite the running suite
   * @param jvm the JVM
   * @param template the database to copy; {@code null} for the shop's fixtures
   * @return the world
   */
  public static ShopWorld bare(SuiteContext suite, AgentProcess jvm, Path template) {
    Session session = suite.session();
    try {
      Path dir = session.newDirectory("w");
      Path db = dir.resolve("shop.db");
      try {
        Files.copy(template == null ? TEMPLATE.file() : template, db);
      } catch (IOException full) {
        fail(
            Feedback.get(
                "state.diskFull", session.config().scratchBytes() >> 20, full.getMessage()));
      }
      session.slot().own(db);
      return attach(suite, jvm, "w" + dir.getFileName(), db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens another world on the database of an earlier one, in a given JVM: the process that used it
   * crashed, and a new one (the client's retry) carries on with the same file.
   *
   * @param suite the running suite
   * @param jvm the JVM
   * @param db the earlier world's database file (host path)
   * @return the world, with the student's class constructed
   */
  public static ShopWorld reopen(SuiteContext suite, AgentProcess jvm, Path db) {
    ShopWorld world = reopenBare(suite, jvm, db);
    world.construct(IMPL, suite.implementation());
    return world;
  }

  /**
   * Opens another world on an earlier one's database with nothing constructed yet (see {@link
   * #bare}).
   *
   * @param suite the running suite
   * @param jvm the JVM
   * @param db the earlier world's database file (host path)
   * @return the world
   */
  public static ShopWorld reopenBare(SuiteContext suite, AgentProcess jvm, Path db) {
    try {
      return attach(suite, jvm, "w" + suite.session().newDirectory("r").getFileName(), db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ShopWorld attach(SuiteContext suite, AgentProcess jvm, String id, Path db) {
    Session session = suite.session();
    ShopWorld world = new ShopWorld(session, jvm, id, db, suite.implementation());
    jvm.command(
        session.callDeadline(),
        "WORLD",
        world.id,
        "jdbc",
        session.seen(db),
        Integer.toString(BUSY_TIMEOUT_MS));
    return world;
  }

  /**
   * Constructs a student class in this world, with the world's objects as its constructor's
   * arguments; the test fails, saying why, if it cannot be constructed.
   *
   * @param object the name calls use for it ({@code impl} for the exercise's class)
   * @param className the class
   */
  public void construct(String object, String className) {
    try {
      jvm.command(session.callDeadline(), "NEW", id, object, className);
    } catch (AgentRefused e) {
      fail(Feedback.get("construct.failed", simpleName(className), e.getMessage()));
    }
  }

  /**
   * Gives the world a scripted broker ({@code org.txlab.course.patterns.ScriptedSink}), for
   * constructors that take a {@code Sink}.
   *
   * @param scriptJson e.g. {@code {"outcomes": ["ACK", "CRASH_AFTER"]}}
   */
  public void sink(String scriptJson) {
    jvm.command(session.callDeadline(), "SINK", id, scriptJson);
  }

  /**
   * Gives the world a scripted payment provider ({@code
   * org.txlab.course.patterns.ScriptedPayments}) holding a ledger, for constructors that take a
   * {@code Payments}.
   *
   * @param scriptJson e.g. {@code {"charge": {"*": ["LATE"]}}}
   * @param ledgerJson the accounts it holds, e.g. those of a crashed world's {@link #externals}
   */
  public void payments(String scriptJson, String ledgerJson) {
    jvm.command(session.callDeadline(), "PAYMENTS", id, scriptJson, ledgerJson);
  }

  /**
   * Lands the provider's late charges that no refund voided.
   *
   * @return how many landed
   */
  public int landLate() {
    return Integer.parseInt(jvm.command(session.callDeadline(), "LAND_LATE", id).get(0));
  }

  /**
   * Returns what the world's doubles recorded, as the submission JVM reports it (hostile data:
   * parse it defensively): {@code {"sends": […], "ledger": […], "calls": […]}}.
   */
  public String externals() {
    return jvm.command(session.callDeadline(), "EXTERNALS", id).get(0);
  }

  /**
   * Starts a call of the student's object.
   *
   * @param label how messages name it, e.g. {@code placeOrder(1, 3, 1)}
   * @param method {@code <interface>#<method>}
   * @param signature the parameter types as JSON, e.g. {@code ["long","long","int"]}
   * @param args the arguments as JSON
   * @param plan how it runs
   * @return the running call
   */
  public RemoteCall start(String label, String method, String signature, String args, Plan plan) {
    return start(IMPL, label, method, signature, args, plan);
  }

  /**
   * Starts a call of one of the world's objects.
   *
   * @param object the object's name, as given to {@link #construct}
   * @see #start(String, String, String, String, Plan)
   */
  public RemoteCall start(
      String object, String label, String method, String signature, String args, Plan plan) {
    return jvm.call(
        session.callDeadline(), label, id, object + "#" + method, signature, args, plan.json());
  }

  /**
   * Calls the student's object and waits for the result.
   *
   * @see #start
   */
  public CallResult call(String label, String method, String signature, String args, Plan plan) {
    return start(label, method, signature, args, plan).result(session.callDeadline());
  }

  /**
   * Waits until a killed process's locks are gone, as a restarted process would, before the judge's
   * next step (the kernel releases them a moment after the process is reaped, later on a loaded
   * machine; the next writer rolls a hot journal back).
   *
   * @param suite the running suite
   * @param db the database file (host path)
   */
  public static void awaitTheCrashOver(SuiteContext suite, Path db) {
    try {
      if (!JudgeDb.writableWithin(db, (int) suite.session().config().callTimeout().toMillis())) {
        throw new GraderTrouble(
            "[GRADER] the database stayed locked after the crashed process was killed");
      }
    } catch (SQLException e) {
      throw new GraderTrouble(
          "[GRADER] the database could not be opened after the crash: " + e.getMessage());
    }
  }

  /** Closes, in the submission JVM, what the student's code left open in this world. */
  public void closeLeaked() {
    if (jvm.alive()) {
      jvm.command(session.callDeadline(), "CLOSE_LEAKED", id);
    }
  }

  /** Returns the judge's hardened connections, waiting for locks as long as a call may. */
  public ConnectionSource judge() {
    return JudgeDb.source(db, (int) session.config().callTimeout().toMillis());
  }

  /** Returns the database file (host path). */
  public Path db() {
    return db;
  }

  /** Returns the JVM this world lives in. */
  public AgentProcess jvm() {
    return jvm;
  }

  /** Returns the session. */
  public Session session() {
    return session;
  }

  /** Reads the committed content, after checking the schema. */
  public ShopSnapshot snapshot() {
    try {
      return ShopSnapshot.read(judge(), TEMPLATE);
    } catch (SQLException e) {
      return fail(Feedback.get("state.unreadable", e.getMessage()));
    }
  }

  /** Tells whether a writer could commit right now without waiting. */
  public boolean writableNow() {
    try {
      return JudgeDb.writableNow(db);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (jvm.alive()) {
      try {
        jvm.command(session.callDeadline(), "DROP", id);
      } catch (RuntimeException e) {
        // The JVM died or refused; the session cleans up after it.
      }
    }
  }

  private static String simpleName(String className) {
    String s = className.substring(className.lastIndexOf('.') + 1);
    return s.substring(s.lastIndexOf('$') + 1);
  }
}
