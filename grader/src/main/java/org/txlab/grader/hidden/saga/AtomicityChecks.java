package org.txlab.grader.hidden.saga;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * The reservation and the compensation are one transaction each: a failure at any statement of a
 * checkout, then {@code resume()}, and a kill after any write of a compensation, then {@code
 * resume()} in a new process, end settled, the stock given back exactly once.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class AtomicityChecks {

  @Test
  @Order(1)
  @DisplayName("a failure at any statement of a declined checkout, then resume(), ends settled")
  @Graded(category = "atomicity", points = 2, hint = "saga.hint.atomicity")
  void failureAtEveryStatementOfADeclinedCheckout(SuiteContext suite) {
    failAtEveryStatement(suite, Sagas.DECLINE, "declined");
  }

  @Test
  @Order(2)
  @DisplayName("a failure at any statement of a paid checkout, then resume(), ends settled")
  @Graded(category = "atomicity", points = 1, hint = "saga.hint.atomicity")
  void failureAtEveryStatementOfAPaidCheckout(SuiteContext suite) {
    failAtEveryStatement(suite, Sagas.PAY, "paid");
  }

  private static void failAtEveryStatement(SuiteContext suite, String script, String kind) {
    Call clean;
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), script)) {
      clean = Sagas.cleanCheckout(w, 6, 1, Plan.NORMAL, kind);
    }
    for (int k : Statements.faultable(clean.statements())) {
      try (ShopWorld w = Sagas.open(suite, suite.session().main(), script)) {
        Call failed = Sagas.checkout(w, 6, 1, 1, Plan.NORMAL.failing(k));
        Call r = Sagas.resume(w, Plan.NORMAL);
        String when =
            "after statement "
                + clean.statement(k)
                + " of a "
                + kind
                + " "
                + clean.label()
                + " failed (the call "
                + failed.outcome()
                + "), then resume() "
                + r.outcome();
        Sagas.expectResumed(r, when);
        Sagas.expectSettled(w, when);
      }
    }
  }

  @Test
  @Order(3)
  @DisplayName("a kill after any write of resume()'s compensation, then resume(), restocks once")
  @Graded(category = "atomicity", points = 2, hint = "saga.hint.compensationKill")
  void killAfterEveryWriteOfTheCompensation(SuiteContext suite) {
    // A process died while the charge was on its way: the order is PENDING, nothing charged, and
    // resume() has to compensate it. Each run below starts from a copy of that database.
    String crashing = Sagas.script(List.of("CRASH_BEFORE"), List.of("OK"));
    Sagas.Crashed died = Sagas.crashDuringCheckout(suite, crashing, 1);
    String script = Sagas.script(List.of("PAY"), List.of("OK"));
    Call clean;
    try (ShopWorld w =
        Sagas.on(suite, suite.session().main(), died.db(), script, died.ledger().json())) {
      clean = Sagas.resume(w, Plan.NORMAL);
      Sagas.expectResumed(clean, "after a crash while the charge was on its way");
    }
    int writes = Math.min(Statements.writes(clean.statements()), 8);
    for (int n = 1; n <= writes; n++) {
      AgentProcess jvm = suite.session().killable();
      Sagas.Crashed killed;
      try (ShopWorld w = Sagas.on(suite, jvm, died.db(), script, died.ledger().json())) {
        killed = Sagas.crash(suite, jvm, w, Sagas.startResume(w, Plan.NORMAL.parkingAfterWrite(n)));
      }
      try (ShopWorld again = Sagas.restarted(suite, killed.db(), script, killed.ledger())) {
        Call r = Sagas.resume(again, Plan.NORMAL);
        String when =
            "after a crash while the charge was on its way, then resume() killed right after its"
                + " write "
                + clean.statement(killed.where().isEmpty() ? 0 : parse(killed.where()))
                + ", then resume() in a new process "
                + r.outcome();
        Sagas.expectResumed(r, when);
        Sagas.expectSettled(again, when);
      }
    }
  }

  private static int parse(String where) {
    try {
      return Integer.parseInt(where.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
