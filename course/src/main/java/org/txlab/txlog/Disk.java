package org.txlab.txlog;

import java.io.IOException;
import java.util.List;

/**
 * A folder of files, with the crash behaviour of a real disk under Linux. Named after {@link
 * java.nio.channels.FileChannel} and {@link java.nio.file.Files}, so the same code maps onto {@code
 * java.nio} one call for one call.
 *
 * <p>What survives a crash (a power loss, or the machine stopping):
 *
 * <ul>
 *   <li>bytes appended or truncated since a file's last {@link LogFile#force()} may be missing, cut
 *       short at any point, end in zeros or garbage, or land out of order (a later append on disk,
 *       an earlier one torn); everything before the last {@code force()} is there;
 *   <li>{@link #open} of a new file, {@link #rename} and {@link #delete} are atomic, but they last
 *       only once {@link #syncDir()} has returned: before that, a crash may undo them;
 *   <li>when only the process dies (SIGKILL) and the machine stays up, everything written so far
 *       survives: the operating system still holds it.
 * </ul>
 */
public interface Disk {

  /**
   * Opens a file, creating it empty if there is none of that name.
   *
   * @param name a plain file name (letters, digits, {@code . _ -}); never {@code null}
   * @return the file; it stays the same file after a rename, like an open file descriptor
   * @throws IOException if the disk fails
   */
  LogFile open(String name) throws IOException;

  /**
   * Tells whether a file of that name exists.
   *
   * @param name the file name
   * @return whether it exists
   * @throws IOException if the disk fails
   */
  boolean exists(String name) throws IOException;

  /**
   * Lists the files.
   *
   * @return their names, sorted
   * @throws IOException if the disk fails
   */
  List<String> list() throws IOException;

  /**
   * Renames a file, replacing any file of the new name, atomically: after a crash there is either
   * the old name or the new one. Durable after {@link #syncDir()}.
   *
   * @param from the existing name
   * @param to the new name
   * @throws IOException if there is no file {@code from}, or the disk fails
   */
  void rename(String from, String to) throws IOException;

  /**
   * Deletes a file if it exists. Durable after {@link #syncDir()}.
   *
   * @param name the file name
   * @throws IOException if the disk fails
   */
  void delete(String name) throws IOException;

  /**
   * Makes every create, rename and delete so far durable (on Linux: {@code fsync} of the folder).
   *
   * @throws IOException if the disk fails
   */
  void syncDir() throws IOException;
}
