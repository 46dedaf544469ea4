package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.txlab.course.Shop;
import org.txlab.grader.hidden.Feedback;

/** Assertions the hidden place-order tests share, with student-facing messages. */
final class Checks {
  /** How long a child JVM may take to start and reach a point: generous on a loaded machine. */
  static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);

  private Checks() {}

  static void expectStock(Harness.Snapshot s, long productId, long expected, String when) {
    for (Shop.Product p : s.products()) {
      if (p.id() == productId && p.stock() != expected) {
        fail(Feedback.get("state.stock", productId, expected, when, p.stock()));
      }
    }
  }

  static void expectOrderCount(Harness.Snapshot s, int expected, String when) {
    if (s.orders().size() != expected) {
      fail(Feedback.get("state.orders", expected, when, s.orders().size(), s.orders()));
    }
  }
}
