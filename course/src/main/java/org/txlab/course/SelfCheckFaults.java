package org.txlab.course;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.StatementRecord;

/**
 * Atomicity by fault injection: the scenario's call is run once alone, then once per statement of
 * its transaction's window with that statement failing; each time the database must hold nothing of
 * the call, or all of it.
 */
final class SelfCheckFaults {
  private SelfCheckFaults() {}

  /**
   * Fails every statement of the window in turn.
   *
   * @param run the self-check run
   * @param title the check's title
   * @param s the scenario
   * @param hint the bundle key of what to do when it fails
   * @param <S> the service type
   * @return the check's outcome
   */
  static <S> SelfCheck.Check everyStatement(
      SelfCheckRun<S> run, String title, SelfCheckRun.Scenario<S> s, String hint)
      throws SQLException {
    SelfCheckRun.Clean clean = run.clean(s);
    if (!clean.placed()) {
      return notChecked(title, clean);
    }
    for (int k : faultable(clean.call().statements())) {
      try (SelfCheckWorld w = run.world()) {
        SelfCheckCall.Ended call = run.call(w, s, FaultPlan.failing(k));
        SelfCheckState after = w.state();
        String failed = clean.call().statement(k);
        if (call.timedOut()) {
          return SelfCheck.Check.failed(
              title, Messages.get("selfcheck.faults.timeout", failed, call.outcome()));
        }
        if (after.sameAs(SelfCheckState.FIXTURE)) {
          if (call.returned()) {
            return SelfCheck.Check.failed(
                title,
                Messages.get("selfcheck.faults.swallowed", s.label(), failed, call.outcome()));
          }
          continue;
        }
        if (!after.sameAs(clean.after())) {
          return SelfCheck.Check.failed(
              title,
              Messages.get(
                  "selfcheck.faults.partial",
                  failed,
                  call.outcome(),
                  after.changesSince(SelfCheckState.FIXTURE),
                  Messages.get(hint)));
        }
      }
    }
    return SelfCheck.Check.passed(title);
  }

  /** The outcome of a hard check whose clean run stored nothing: nothing to judge yet. */
  static SelfCheck.Check notChecked(String title, SelfCheckRun.Clean clean) {
    if (clean.call().returned() && !clean.bypassed().isEmpty()) {
      return SelfCheck.Check.failed(
          title,
          Messages.get(
              "selfcheck.bypassed", clean.call().label(), String.join(" and ", clean.bypassed())));
    }
    String did =
        clean.call().returned()
            ? Messages.get("selfcheck.outcome.noChange", String.valueOf(clean.call().value()))
            : clean.call().outcome();
    return SelfCheck.Check.failed(
        title, Messages.get("selfcheck.notChecked", clean.call().label(), did));
  }

  /**
   * The statements a fault may fail: from the first to the last one during which SQLite reported a
   * commit (a failure after the commit could not be undone by any code), without the ones code
   * recovers with.
   */
  static List<Integer> faultable(List<StatementRecord> clean) {
    int lastCommit = 0;
    for (StatementRecord r : clean) {
      if (r.committed()) {
        lastCommit = r.number();
      }
    }
    List<Integer> ks = new ArrayList<>();
    for (StatementRecord r : clean) {
      if (r.number() <= lastCommit && !recovery(r.operation())) {
        ks.add(r.number());
      }
    }
    return ks;
  }

  /** The statement boundaries a rival may run at: before every operation the call made. */
  static List<Integer> boundaries(List<StatementRecord> clean) {
    List<Integer> ks = new ArrayList<>();
    for (StatementRecord r : clean) {
      if (!r.unseen()) {
        ks.add(r.number());
      }
    }
    return ks;
  }

  /** Counts the statements that changed a row. */
  static int writes(List<StatementRecord> clean) {
    return (int) clean.stream().filter(r -> r.wrote() && !r.failed()).count();
  }

  private static boolean recovery(String operation) {
    return switch (operation) {
      case "rollback", "close", "releaseSavepoint", StatementRecord.UNSEEN -> true;
      default -> false;
    };
  }
}
