// expect-points: 22
// expect-sign: OUT_OF_MEMORY
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    java.util.List<long[]> hog = new java.util.ArrayList<>(); for (int i = 0; i < 10_000; i++) { hog.add(new long[128 * 1024 * 1024]); }
  }
}
