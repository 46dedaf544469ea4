package org.txlab.kernel.jupyter;

/** Helpers shared by the channel threads. */
final class Channels {

  private Channels() {}

  /** Waits for a channel thread to end, unless called from it. */
  static void join(Thread thread) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
