// expect-points: 22
// expect-sign: TIMEOUT
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    while (true) { try { Thread.sleep(1); } catch (InterruptedException e) { } }
  }
}
