package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import org.txlab.grader.hidden.ShopSnapshot;
import org.txlab.grader.suite.Feedback;

/** Assertions the hidden place-order tests share, with student-facing messages. */
final class Checks {
  private Checks() {}

  static void expectStock(ShopSnapshot s, long productId, long expected, String when) {
    long stock = s.stock(productId);
    if (stock != expected) {
      fail(Feedback.get("state.stock", productId, expected, when, stock));
    }
  }

  static void expectUnchanged(ShopSnapshot before, ShopSnapshot after, String when) {
    String changes = before.changesTo(after);
    if (!changes.isEmpty()) {
      fail(Feedback.get("state.changed", when, changes));
    }
  }
}
