// expect-points: 25
// expect-sign: any
package org.txlab.exercises;

/**
 * Starts sleeping threads until no more can be made, and keeps them: every task its slot may have.
 * Its own later calls may fail; a student graded in the other slot at the same time must not.
 */
final class Attack {
  private Attack() {}

  static void run() {
    int started = 0;
    try {
      for (int i = 0; i < 100_000; i++) {
        Thread t = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } });
        t.setDaemon(true);
        t.start();
        started++;
      }
    } catch (Throwable refused) {
      System.out.println("threads refused after " + started + ": " + refused);
    }
  }
}
