// expect-points: 22
// expect-sign: UNSAFE_FILE
package org.txlab.exercises;

/**
 * Next to its database it plants a FIFO and a symbolic link to a file of the host where SQLite
 * will look for its journal and WAL: opened by the judge, the FIFO would block it and the link
 * would make it write elsewhere. The judge refuses to open them; the host file is untouched.
 */
final class Attack {
  private Attack() {}

  static void run(java.sql.Connection c) {
    try {
      String url = c.getMetaData().getURL();
      String db = url.substring(url.indexOf(':', 5) + 1);
      new ProcessBuilder("mkfifo", db + "-wal").start().waitFor();
      java.nio.file.Files.createSymbolicLink(java.nio.file.Path.of(db + "-shm"), java.nio.file.Path.of("/tmp/txlab-malicious-sentinel"));
      java.nio.file.Files.createSymbolicLink(java.nio.file.Path.of(db + "-journal"), java.nio.file.Path.of("/tmp/txlab-malicious-sentinel"));
    } catch (Exception e) {
      System.out.println("could not plant: " + e);
    }
  }
}
