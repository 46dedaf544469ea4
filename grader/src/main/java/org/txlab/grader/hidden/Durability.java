package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Locale;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;

/**
 * The durability settings at a commit, as the submission's proxy read them: {@code synchronous} at
 * least FULL and a journal on disk. WAL with NORMAL loses committed data on power loss; so does a
 * journal kept in memory, or none.
 */
public final class Durability {
  private Durability() {}

  /**
   * Fails the test unless the call committed, with durable settings at every commit however it was
   * issued (commit(), SQL COMMIT or END, an autocommit statement), as SQLite reported them.
   *
   * @param call a clean run's call
   */
  public static void expectDurableCommits(Call call) {
    boolean committed = false;
    for (StatementRecord s : call.statements()) {
      if (s.committed()) {
        committed = true;
        expectDurable(s);
      }
    }
    if (!committed) {
      fail(Feedback.get("durability.noCommit", call.label()));
    }
  }

  /**
   * Kills the submission JVM with SIGKILL right after the call returned (it is parked there) and
   * fails the test unless the reopened database holds what the same call stores when nothing goes
   * wrong.
   *
   * @param w the world the call runs in, on {@code jvm}
   * @param jvm a JVM the test may kill
   * @param started the call, started with a plan that parks it after it returns
   * @param expected the database after the same call in a clean run
   */
  public static void expectSurvivesCrashAfterReturn(
      ShopWorld w, AgentProcess jvm, RemoteCall started, ShopSnapshot expected) {
    Call done = Call.of(started, w);
    jvm.kill("[KILLED] by the crash test");
    jvm.awaitExit(Duration.ofSeconds(10));
    if (!done.returned()) {
      fail(Feedback.get("crash.childFailed", done.label(), done.outcome()));
    }
    ShopSnapshot reopened = w.snapshot();
    if (!reopened.sameContent(expected)) {
      fail(
          Feedback.get(
              "state.orderLost",
              done.label(),
              done.outcome(),
              ShopSnapshot.describe(expected.orders()),
              ShopSnapshot.describe(reopened.orders())));
    }
  }

  /**
   * Fails the test unless the settings at a committing statement were durable.
   *
   * @param s a statement during which a transaction committed
   */
  public static void expectDurable(StatementRecord s) {
    for (String settings : new String[] {s.settings(), s.settingsAfter()}) {
      if (!settings.isEmpty() && !durable(settings)) {
        fail(Feedback.get("durability.off", s.describe(), settings));
      }
    }
  }

  /**
   * Tells whether settings such as {@code synchronous=2 journal_mode=delete} are durable.
   *
   * @param settings the settings
   * @return true if they keep a committed transaction through a power loss
   */
  public static boolean durable(String settings) {
    String s = settings.toLowerCase(Locale.ROOT);
    int sync = Integer.parseInt(s.replaceAll(".*synchronous=(-?\\d+).*", "$1"));
    String journal = s.replaceAll(".*journal_mode=(\\w+).*", "$1");
    return sync >= 2 && !journal.equals("off") && !journal.equals("memory");
  }
}
