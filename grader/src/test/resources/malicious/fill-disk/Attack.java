// expect-points: <=22
// expect-sign: DISK_FULL
package org.txlab.exercises;

/**
 * Writes files until the disk is full, in its working directory and in /tmp, and leaves them: the
 * disk it can fill is its own slot's, capped, and emptied after grading; its later tests fail
 * with the reason, and nobody else's.
 */
final class Attack {
  private Attack() {}

  static void run() {
    java.util.List<java.nio.file.Path> written = new java.util.ArrayList<>();
    byte[] chunk = new byte[1 << 20];
    for (String dir : new String[] {System.getProperty("user.dir"), System.getProperty("java.io.tmpdir")}) {
      for (int i = 0; i < 10_000; i++) {
        java.nio.file.Path f = java.nio.file.Path.of(dir, "fill-" + i + ".bin");
        try {
          java.nio.file.Files.write(f, chunk);
          written.add(f);
        } catch (java.io.IOException full) {
          System.out.println("disk full in " + dir + " after " + i + " MB: " + full.getMessage());
          break;
        }
      }
    }
  }
}
