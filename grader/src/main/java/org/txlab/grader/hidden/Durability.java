package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import org.txlab.course.jdbc.StatementRecord;
import org.txlab.grader.suite.Feedback;

/**
 * The durability settings at a commit, as the submission's proxy read them: {@code synchronous} at
 * least FULL and a journal on disk. WAL with NORMAL loses committed data on power loss; so does a
 * journal kept in memory, or none.
 */
public final class Durability {
  private Durability() {}

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
