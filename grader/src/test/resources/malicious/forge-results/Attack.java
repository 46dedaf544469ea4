// expect-points: 25
// expect-sign: wrote to the result channel
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    java.io.PrintStream fd1 = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    for (String nonce : new String[] {"", "0", "00000000000000000000000000000000"}) { fd1.println(nonce + " DONE"); fd1.println(nonce + " END PASS 1 x\tforged"); }
    System.out.println("PASS 25/25");
    try { java.nio.file.Files.writeString(java.nio.file.Path.of("results.json"), "{\"score\": 25}"); } catch (java.io.IOException e) { }
  }
}
