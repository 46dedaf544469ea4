package org.txlab.course;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Runs code that may fail on purpose and shows how it ended in one line: {@code ✔ value} or {@code
 * ✘ SQLiteException: [SQLITE_BUSY] The database file is locked (database is locked)}, with the time
 * it took. For the demonstrations whose point is an error: a cell shows the outcome compactly
 * instead of ending in a red traceback.
 *
 * <pre>{@code
 * Attempt.run(() -> sql(b, "UPDATE products SET stock = stock - 1 WHERE id = 3"))
 * }</pre>
 *
 * @param value what the code returned, or {@code null} if it threw
 * @param error what it threw, or {@code null}
 * @param nanos how long it ran
 * @param <T> the result's type
 */
public record Attempt<T>(T value, Throwable error, long nanos) {

  /**
   * Runs code and keeps how it ended; nothing it throws escapes (an {@link Error} does).
   *
   * @param step the code
   * @param <T> its result's type
   * @return the outcome
   */
  public static <T> Attempt<T> run(Timeline.Step<T> step) {
    long start = System.nanoTime();
    try {
      T value = step.run();
      return new Attempt<>(value, null, System.nanoTime() - start);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Attempt<>(null, e, System.nanoTime() - start);
    }
  }

  /** Tells whether the code returned normally. */
  public boolean succeeded() {
    return error == null;
  }

  /** Returns how long the code ran, in milliseconds. */
  public double millis() {
    return nanos / 1e6;
  }

  /**
   * Returns the SQLite result code's name if the code failed with one, e.g. {@code SQLITE_BUSY}.
   *
   * @return the name, or an empty string
   */
  public String sqliteCode() {
    return error instanceof org.sqlite.SQLiteException e ? e.getResultCode().name() : "";
  }

  /** Returns {@code ✔ value} or {@code ✘ Class: message}, on one line. */
  @Override
  public String toString() {
    return succeeded() ? "✔ " + oneLine(String.valueOf(value)) : "✘ " + brief(error);
  }

  /**
   * Returns an exception as one line: its simple class name and its message, line breaks folded;
   * for an {@link SQLException} without a message of its own, its cause's.
   *
   * @param e the exception; never {@code null}
   * @return e.g. {@code SQLiteException: [SQLITE_BUSY] The database file is locked (database is
   *     locked)}
   */
  public static String brief(Throwable e) {
    String message = e.getMessage();
    if ((message == null || message.isBlank()) && e.getCause() != null) {
      message = e.getCause().getMessage();
    }
    String name = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + oneLine(message);
  }

  private static String oneLine(String text) {
    String folded = text.strip().replaceAll("\\s*\\R\\s*", " ⏎ ");
    return folded.length() > 300 ? folded.substring(0, 297) + "…" : folded;
  }

  /** The outcome with its duration, e.g. {@code ✘ SQLiteException: … (after 2 ms)}. */
  public String timed() {
    return toString() + String.format(Locale.ROOT, " (after %.0f ms)", millis());
  }
}
