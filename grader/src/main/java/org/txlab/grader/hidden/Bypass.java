package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;

/**
 * Every change a call makes must go through the connections its {@code ConnectionSource} opened:
 * those are the ones the judge fails, pauses and kills at each statement. A table the judge sees
 * changed in the file, that no statement on those connections changed (SQLite's own count of the
 * rows each statement touched), was changed on a connection of the code's own (for instance {@code
 * DriverManager} with the source's URL) or around the one it was given (a statement of the real
 * connection that {@code unwrap} returns). On such code every fault, rival and kill point would be
 * missing, and the tests built on them would pass without testing anything: they fail instead,
 * saying why, and the hand-in is flagged for the instructor.
 */
public final class Bypass {
  private Bypass() {}

  /**
   * Fails the test if the call changed a table that none of its recorded statements changed.
   *
   * @param suite the running suite, whose session keeps the flag
   * @param call the call
   * @param before the database before it
   * @param after the database after it
   */
  public static void expectNone(
      SuiteContext suite, Call call, ShopSnapshot before, ShopSnapshot after) {
    List<String> changed = new ArrayList<>();
    if (!before.products().equals(after.products())) {
      changed.add("products");
    }
    if (before.orderCount() != after.orderCount() || !before.orders().equals(after.orders())) {
      changed.add("orders");
    }
    // Rows SQLite changed while none of the source's statements ran (the code went around the
    // connection it was given, to the real one unwrap returns) do not count as seen.
    changed.removeAll(StatementRecord.tablesChanged(call.statements()));
    if (!changed.isEmpty()) {
      suite.session().bypassed();
      fail(Feedback.get("clean.bypassed", call.label(), String.join(" and ", changed)));
    }
  }
}
