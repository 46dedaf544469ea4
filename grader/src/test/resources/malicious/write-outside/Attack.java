// expect-points: 25
// expect-sign: files
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    for (String p : new String[] {"/tmp/txlab-malicious-sentinel", "/work/main/README.md"}) {
      try { java.nio.file.Files.delete(java.nio.file.Path.of(p)); System.out.println("DELETED " + p); } catch (Exception e) { System.out.println("cannot delete " + p + ": " + e); }
    }
    try { java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/txlab-malicious-written"), "x"); System.out.println("WROTE"); } catch (Exception e) { System.out.println("cannot write: " + e); }
  }
}
