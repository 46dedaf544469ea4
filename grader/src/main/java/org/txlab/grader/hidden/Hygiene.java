package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import org.txlab.grader.suite.Feedback;

/** What a call must not leave behind: open connections, an open transaction holding a lock. */
public final class Hygiene {
  private Hygiene() {}

  /**
   * Fails the test at the first call that left a connection open (closing what it left).
   *
   * @param w the world the calls ran in, without the harness's cleanup
   * @param calls the calls, in order
   */
  public static void expectConnectionsClosed(ShopWorld w, Call... calls) {
    for (Call call : calls) {
      if (call.result().leftOpen() > 0) {
        w.closeLeaked();
        fail(
            Feedback.get(
                "hygiene.leaked",
                call.label(),
                call.outcome(),
                call.result().leftOpen(),
                call.result().opened()));
      }
    }
  }

  /**
   * Fails the test unless another connection can write right after the call (closing what it left
   * either way).
   *
   * @param w the world the call ran in, without the harness's cleanup
   * @param call the call
   */
  public static void expectUnlocked(ShopWorld w, Call call) {
    boolean writable = w.writableNow();
    w.closeLeaked();
    if (!writable) {
      fail(Feedback.get("hygiene.locked", call.label(), call.outcome()));
    }
  }
}
