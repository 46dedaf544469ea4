package org.txlab.grader.hidden.saga;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Hygiene;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.Statements;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/** Hygiene: nothing left behind. These calls are not cleaned up after, on purpose. */
@Order(6)
@ExtendWith(SuiteExtension.class)
class HygieneChecks {
  private static final Plan LEFT_AS_IS = Plan.NORMAL.withoutCleanup();

  @Test
  @Order(1)
  @DisplayName(
      "every connection is closed, after a paid, a declined, a rejected checkout, resume()")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void closesItsConnections(SuiteContext suite) {
    String script = "{\"charge\": {\"*\": [\"PAY\"], \"2\": [\"DECLINE\"]}}";
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), script)) {
      Hygiene.expectConnectionsClosed(
          w,
          Sagas.cleanCheckout(w, 1, 1, LEFT_AS_IS, "paid"),
          Sagas.checkout(w, 1, 1, 1, LEFT_AS_IS),
          Sagas.checkout(w, 1, 2, 99, LEFT_AS_IS),
          Sagas.resume(w, LEFT_AS_IS));
    }
  }

  @Test
  @Order(2)
  @DisplayName("no transaction is left open after a rejection or a failed statement")
  @Graded(category = "hygiene", points = 1, hint = "hint.hygiene")
  void leavesNoTransactionOpen(SuiteContext suite) {
    Call clean;
    try (ShopWorld w = Sagas.open(suite, suite.session().main(), Sagas.DECLINE)) {
      clean = Sagas.cleanCheckout(w, 1, 1, Plan.NORMAL, "declined");
      Hygiene.expectUnlocked(w, Sagas.checkout(w, 1, 2, 99, LEFT_AS_IS));
    }
    List<Integer> ks = Statements.faultable(clean.statements());
    for (int k : ks) {
      try (ShopWorld w = Sagas.open(suite, suite.session().main(), Sagas.DECLINE)) {
        Hygiene.expectUnlocked(w, Sagas.checkout(w, 1, 1, 1, LEFT_AS_IS.failing(k)));
      }
    }
  }
}
