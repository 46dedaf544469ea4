package org.txlab.txlog;

import java.io.IOException;

/** One file of a {@link Disk}: appended to at its end, read anywhere, forced to be durable. */
public interface LogFile {

  /**
   * Returns its size.
   *
   * @return the size in bytes, as this process sees it (forced or not)
   * @throws IOException if the disk fails
   */
  long size() throws IOException;

  /**
   * Reads bytes.
   *
   * @param position where to start, from 0
   * @param length how many bytes at most
   * @return the bytes; fewer than {@code length} at the end of the file
   * @throws IOException if the disk fails
   */
  byte[] read(long position, int length) throws IOException;

  /**
   * Reads the whole file.
   *
   * @return its bytes
   * @throws IOException if the disk fails
   */
  byte[] readAll() throws IOException;

  /**
   * Appends bytes at the end ({@code FileChannel.write} at {@code size()}). Not durable until
   * {@link #force()} returns.
   *
   * @param bytes the bytes; never {@code null}
   * @throws IOException if the disk fails
   */
  void append(byte[] bytes) throws IOException;

  /**
   * Cuts the file to a size ({@code FileChannel.truncate}). Not durable until {@link #force()}
   * returns.
   *
   * @param size the new size, at most the current one
   * @throws IOException if the disk fails
   */
  void truncate(long size) throws IOException;

  /**
   * Makes everything written to this file so far durable ({@code FileChannel.force}, {@code
   * fsync}). Its name becomes durable only with {@link Disk#syncDir()}.
   *
   * @throws IOException if the disk fails
   */
  void force() throws IOException;
}
