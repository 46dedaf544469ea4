package org.txlab.grader.hidden.idempotency;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.grader.hidden.Call;
import org.txlab.grader.hidden.Plan;
import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.hidden.ShopWorld;
import org.txlab.grader.hidden.SuiteExtension;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.RemoteCall;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.Graded;
import org.txlab.grader.suite.SuiteContext;

/**
 * What idempotency keys are for: the reply is lost (the process died after COMMIT, before the
 * client heard back) and the client retries; or it retries again and again.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
class IdempotencyChecks {

  @Test
  @Order(1)
  @DisplayName("a retry after the process died between COMMIT and the reply places no second order")
  @Graded(category = "idempotency", points = 3, hint = "keyed.hint.lostReply")
  void retryAfterALostReplyPlacesNoSecondOrder(SuiteContext suite) {
    Keyed.Clean clean = Keyed.Clean.run(suite, "lost-9", 9, 1, 4, "to lose its reply");
    AgentProcess jvm = suite.session().killable();
    Path db;
    try (ShopWorld w = ShopWorld.open(suite, jvm)) {
      db = w.db();
      RemoteCall call = Keyed.start(w, "lost-9", 9, 1, 4, Plan.NORMAL.parkingAfterReturn());
      // The reply never reaches the client: the process is killed as it comes back.
      Call lost = Call.of(call, w);
      jvm.kill("[KILLED] by the crash test");
      jvm.awaitExit(Duration.ofSeconds(10));
      if (!lost.returned()) {
        fail(Feedback.get("crash.childFailed", lost.label(), lost.outcome()));
      }
    }
    ShopWorld.awaitTheCrashOver(suite, db);
    try (ShopWorld again = ShopWorld.reopen(suite, suite.session().main(), db)) {
      Call retry = Keyed.call(again, "lost-9", 9, 1, 4, Plan.NORMAL);
      ShopSnapshot after = again.snapshot();
      String when = "after the process died as " + clean.call().label() + " returned, the retry";
      if (!retry.returned()) {
        fail(Feedback.get("keyed.retryFailed", when, retry.label(), retry.outcome()));
      }
      Keyed.expectExactlyTheCleanOrder(after, clean, when + " " + retry.outcome());
      AtomicityChecks.expectReturnedTheStoredOrder(retry, after, when);
    }
  }

  @Test
  @Order(2)
  @DisplayName("twenty retries of one key place one order, and every one returns it")
  @Graded(category = "idempotency", points = 2, hint = "keyed.hint.replay")
  void twentyRetriesPlaceOneOrder(SuiteContext suite) {
    Keyed.Clean clean = Keyed.Clean.run(suite, "storm-3", 3, 1, 1, "to retry it");
    try (ShopWorld w = ShopWorld.open(suite)) {
      org.txlab.placeorder.Order first = null;
      for (int i = 1; i <= 20; i++) {
        Call c = Keyed.call(w, "storm-3", 3, 1, 1, Plan.NORMAL);
        org.txlab.placeorder.Order o = c.expectOrder();
        if (first == null) {
          first = o;
        } else if (!o.equals(first)) {
          fail(Feedback.get("keyed.otherOrder", c.label() + " (retry " + i + ")", first, o));
        }
      }
      Keyed.expectExactlyTheCleanOrder(w.snapshot(), clean, "after twenty calls with one key");
    }
  }
}
