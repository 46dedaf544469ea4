// expect-points: 25
// expect-sign: shadowing
package org.txlab.exercises;

/** Does nothing itself: the attack is the fake org.junit.jupiter.api.Assertions beside it. */
final class Attack {
  private Attack() {}

  static void run() {}
}
