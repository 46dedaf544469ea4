// expect-points: 22
// expect-sign: any
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    while (true) { Thread t = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }); t.setDaemon(true); t.start(); }
  }
}
