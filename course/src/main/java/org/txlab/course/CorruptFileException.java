package org.txlab.course;

import java.nio.file.Path;

/** A store file has a line that is not a complete record, e.g. torn by a crash mid-write. */
public final class CorruptFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param file the file
   * @param line the line's number, from 1
   * @param text the line's text
   */
  public CorruptFileException(Path file, int line, String text) {
    super(Messages.get("flatfile.corrupt", file.getFileName(), line, text));
    this.file = file;
    this.line = line;
  }

  /** Returns the corrupt file. */
  public Path file() {
    return file;
  }

  /** Returns the corrupt line's number, from 1. */
  public int line() {
    return line;
  }
}
