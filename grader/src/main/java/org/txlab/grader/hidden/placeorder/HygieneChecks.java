package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.txlab.course.InstrumentedSource;
import org.txlab.course.Shop;
import org.txlab.grader.hidden.Feedback;
import org.txlab.grader.suite.Category;
import org.txlab.grader.suite.Graded;
import org.txlab.placeorder.InsufficientStockException;

@ExtendWith(HarnessExtension.class)
class HygieneChecks {

  @Test
  @DisplayName("every connection is closed, after success and after a rejection")
  @Graded(category = Category.HYGIENE, points = 1, hint = "hint.hygiene")
  void closesItsConnections(Harness h) {
    InstrumentedSource ok = h.instrumented();
    h.callWithoutCleanup(ok, 1, 1, 1).expectOrder();
    expectNoLeaks(ok, "returned an order");
    InstrumentedSource rejected = h.instrumented();
    h.callWithoutCleanup(rejected, 1, 2, 99).expectThrown(InsufficientStockException.class);
    expectNoLeaks(rejected, "rejected an order");
  }

  @Test
  @DisplayName("no transaction is left open after a rejection or a failed statement")
  @Graded(category = Category.HYGIENE, points = 1, hint = "hint.hygiene")
  void leavesNoTransactionOpen(Harness h) throws Exception {
    InstrumentedSource clean = h.instrumented();
    h.call(clean, 1, 1, 1).expectOrder();
    int last = clean.statementCount();

    InstrumentedSource rejected = h.instrumented();
    h.callWithoutCleanup(rejected, 1, 2, 99).expectThrown(InsufficientStockException.class);
    expectUnlocked(h, rejected, "rejected an order");

    InstrumentedSource failing = h.instrumented().failAt(last);
    h.callWithoutCleanup(failing, 1, 1, 1);
    expectUnlocked(h, failing, "saw its last statement fail");
  }

  @Test
  @DisplayName("the next call works after a failed statement")
  @Graded(category = Category.HYGIENE, points = 1, hint = "hint.hygiene")
  void nextCallWorksAfterAFailure(Harness h) {
    InstrumentedSource clean = h.instrumented();
    h.call(clean, 1, 1, 1).expectOrder();
    int middle = (clean.statementCount() + 1) / 2;

    h.callWithoutCleanup(h.instrumented().failAt(middle), 1, 1, 1);
    Harness.Call next = h.callWithoutCleanup(h.instrumented(), 1, 1, 1);
    if (!next.succeeded()) {
      fail(
          Feedback.get(
              "hygiene.nextCall",
              "failed statement",
              next.error().getClass().getName(),
              next.error().getMessage()));
    }
  }

  private static void expectNoLeaks(InstrumentedSource source, String when) {
    int leaked = source.leaked().size();
    if (leaked > 0) {
      source.closeLeaked();
      fail(Feedback.get("hygiene.leaked", when, leaked, source.openedCount()));
    }
  }

  private static void expectUnlocked(Harness h, InstrumentedSource source, String when)
      throws SQLException {
    boolean writable = Shop.isWritableNow(h.db());
    source.closeLeaked();
    if (!writable) {
      fail(Feedback.get("hygiene.locked", when));
    }
  }
}
