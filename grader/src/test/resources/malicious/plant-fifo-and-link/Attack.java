// expect-points: 22
// expect-sign: SQLITE_CANTOPEN
package org.txlab.exercises;

/**
 * Next to its database it plants a FIFO and a symbolic link to a file of the host where SQLite
 * will look for its journal and WAL: opened by the judge, the FIFO would block it and the link
 * would make it write elsewhere. The scratch folder is mounted nosymfollow, so the first to trip
 * over the link is the student's own SQLite (it cannot open its journal and its orders fail); the
 * judge refuses such files whenever it opens the database; the host file is untouched.
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
