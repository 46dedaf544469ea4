package org.txlab.grader.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A uid for one slot, held with a lock file so that no other slot, in this grader or in another one
 * running on the same machine at the same time, uses it: per-uid limits (tasks) then stay one
 * slot's own.
 *
 * @param uid the uid
 * @param channel the open lock file
 * @param lock the lock
 */
record UidLease(int uid, FileChannel channel, FileLock lock) implements AutoCloseable {
  private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"));

  /**
   * Takes the first free uid of a range.
   *
   * @param first the range's first uid
   * @param count how many uids it has
   * @return the lease
   * @throws IOException if every uid is taken
   */
  static UidLease take(int first, int count) throws IOException {
    for (int uid = first; uid < first + count; uid++) {
      FileChannel channel =
          FileChannel.open(
              LOCKS.resolve("txlab-uid-" + uid + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return new UidLease(uid, channel, lock);
        }
      } catch (OverlappingFileLockException mine) {
        // Another slot of this grader holds it.
      }
      channel.close();
    }
    throw new IOException("all " + count + " sandbox uids from " + first + " are in use");
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // Released when this process ends anyway.
    }
  }
}
