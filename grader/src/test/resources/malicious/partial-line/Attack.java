// expect-points: 25
// expect-sign: wrote to the result channel
package org.txlab.exercises;

/** Leaves half a line on fd 1, so that the agent's next line would be glued to it. */
final class Attack {
  private Attack() {}

  static void run() {
    try {
      java.io.FileOutputStream fd1 = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      fd1.write("half a line, never ended: ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      fd1.flush();
    } catch (java.io.IOException e) {
      // Nothing to attack.
    }
  }
}
