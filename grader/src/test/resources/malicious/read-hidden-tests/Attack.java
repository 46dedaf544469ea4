// expect-points: 25
// expect-sign: files
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    for (String p : new String[] {"/work/main/grader/src/main/java/org/txlab/grader/hidden/placeorder/IsolationChecks.java", System.getProperty("user.home") + "/../../grader/src"}) {
      try { System.out.println("READ " + java.nio.file.Files.readString(java.nio.file.Path.of(p)).length()); } catch (Exception e) { System.out.println("cannot read " + p + ": " + e); }
    }
  }
}
