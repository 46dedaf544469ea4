package org.txlab.grader.hidden;

import java.util.ArrayList;
import java.util.List;
import org.txlab.course.jdbc.StatementRecord;

/**
 * Which statements of a clean run a test may target, by what SQLite reported them to do: faults go
 * only where the property is at stake (rule 2), pauses before every statement.
 */
public final class Statements {
  private Statements() {}

  /**
   * The statements a fault may fail: from the first to the last one during which a transaction
   * committed, without the ones code recovers with (rollback, close).
   *
   * @param clean the clean run's statements
   * @return their numbers
   */
  public static List<Integer> faultable(List<StatementRecord> clean) {
    int lastCommit = 0;
    for (StatementRecord s : clean) {
      if (s.committed()) {
        lastCommit = s.number();
      }
    }
    List<Integer> ks = new ArrayList<>();
    for (StatementRecord s : clean) {
      if (s.number() <= lastCommit && failable(s)) {
        ks.add(s.number());
      }
    }
    return ks;
  }

  /**
   * The statement boundaries a pause may target: before each operation the proxy ran.
   *
   * @param clean the clean run's statements
   * @return their numbers
   */
  public static List<Integer> boundaries(List<StatementRecord> clean) {
    List<Integer> ks = new ArrayList<>();
    for (StatementRecord s : clean) {
      if (!s.unseen()) {
        ks.add(s.number());
      }
    }
    return ks;
  }

  /**
   * Tells whether a clean run committed at most once: its call is one transaction.
   *
   * @param clean the clean run's statements
   * @return true if at most one statement committed
   */
  public static boolean oneTransaction(List<StatementRecord> clean) {
    return clean.stream().filter(StatementRecord::committed).count() <= 1;
  }

  /**
   * Counts the statements that changed a row.
   *
   * @param clean the clean run's statements
   * @return how many wrote
   */
  public static int writes(List<StatementRecord> clean) {
    return (int) clean.stream().filter(s -> s.wrote() && !s.failed()).count();
  }

  private static boolean failable(StatementRecord s) {
    return switch (s.operation()) {
      case "close", "rollback", "releaseSavepoint", StatementRecord.UNSEEN -> false;
      default -> true;
    };
  }
}
