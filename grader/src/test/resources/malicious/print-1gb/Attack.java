// expect-points: 22
// expect-sign: OUTPUT_FLOOD
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    String line = "x".repeat(1023); for (int i = 0; i < 1_048_576; i++) { System.out.println(line); }
  }
}
