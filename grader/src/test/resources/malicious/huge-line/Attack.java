// expect-points: 22
// expect-sign: OUTPUT_FLOOD
package org.txlab.exercises;

/** One line of 1 GB, without a line break, on fd 1: the judge must not hold it. */
final class Attack {
  private Attack() {}

  static void run() {
    try {
      java.io.FileOutputStream fd1 = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 1024; i++) { fd1.write(chunk); }
    } catch (java.io.IOException e) { }
  }
}
