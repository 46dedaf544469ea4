package org.txlab.course;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import org.txlab.course.process.LineCodec;

/**
 * The child side of {@link ChildJvm}: signals to the parent, named kill points and the start
 * barrier.
 *
 * <p>A kill point is armed by the parent ({@link ChildJvm.Builder#killAt(String)}); when the child
 * reaches an armed point it tells the parent and parks until the parent kills it with SIGKILL. An
 * unarmed point does nothing, so the same code runs normally outside a crash test.
 */
public final class Child {
  static final String MARK = "@@txlab:";
  static final String KILL_POINT_PROPERTY = "txlab.killpoint";
  static final String BARRIER_PROPERTY = "txlab.barrier";

  /** Kinds of signals a child sends. */
  public static final String READY = "ready";

  /** A child reached an armed kill point. */
  public static final String KILL_POINT = "killpoint";

  /** A scenario finished with a value. */
  public static final String RESULT = "result";

  /** A scenario finished with an exception. */
  public static final String ERROR = "error";

  // Captured before any scenario code runs, so a scenario that redirects System.out still talks
  // to the parent.
  private static final PrintStream CHANNEL = System.out;

  private Child() {}

  /**
   * Sends one signal line to the parent.
   *
   * @param kind the signal's kind, e.g. {@link #RESULT}
   * @param payload its text; any string (it is escaped with {@link LineCodec})
   */
  public static void signal(String kind, String payload) {
    synchronized (CHANNEL) {
      CHANNEL.println(MARK + LineCodec.join(kind, payload));
      CHANNEL.flush();
    }
  }

  /**
   * Marks a named point in the code; if the parent armed it, reports it and waits to be killed.
   *
   * @param name the kill point's name, e.g. {@code "after-stock-update"}
   */
  public static void killPoint(String name) {
    if (isArmed(name)) {
      signal(KILL_POINT, name);
      while (true) {
        // The parent sends SIGKILL now; parking keeps the process exactly at this point.
        LockSupport.park();
      }
    }
  }

  /**
   * Tells whether the parent armed this kill point.
   *
   * @param name the kill point's name
   * @return true if {@link #killPoint(String)} with this name would stop the process
   */
  public static boolean isArmed(String name) {
    return name.equals(System.getProperty(KILL_POINT_PROPERTY));
  }

  /**
   * If the parent asked for a start barrier, reports ready and waits for its "go" line on stdin.
   *
   * @throws IOException if stdin closes before "go"
   */
  public static void awaitStart() throws IOException {
    if (Boolean.getBoolean(BARRIER_PROPERTY)) {
      signal(READY, "");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (!"go".equals(line)) {
        throw new IOException("expected 'go' from the parent on stdin but got " + line);
      }
    }
  }

  /**
   * Reports how a scenario ended: {@link #RESULT} with its value, or {@link #ERROR} with the
   * exception's class and message.
   *
   * @param result the value, or {@code null} if {@code error} is set
   * @param error the exception, or {@code null}
   */
  public static void report(Object result, Throwable error) {
    if (error == null) {
      signal(RESULT, String.valueOf(result));
    } else {
      signal(ERROR, error.getClass().getName() + ": " + error.getMessage());
    }
  }
}
