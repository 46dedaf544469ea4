package org.txlab.course.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads lines from a stream without trusting it: a line longer than the cap is cut and marked, and
 * after a total number of bytes reading stops with an overflow. Memory held is bounded by the line
 * cap whatever the other side writes.
 */
public final class BoundedLines {
  /** What one read produced. */
  public sealed interface Item {}

  /**
   * A line, without its line break.
   *
   * @param text the line, decoded as UTF-8 (malformed bytes become U+FFFD)
   * @param cut whether the line was longer than the cap and is only its start
   */
  public record Line(String text, boolean cut) implements Item {}

  /** The stream ended. */
  public record End() implements Item {}

  /**
   * The stream went over its total cap; nothing more is read.
   *
   * @param bytes how many bytes had been read
   */
  public record Overflow(long bytes) implements Item {}

  private final int maxLineBytes;
  private final long maxTotalBytes;

  /**
   * Creates a reader's limits.
   *
   * @param maxLineBytes the longest line kept whole; longer ones are cut
   * @param maxTotalBytes how much may be read in all before {@link Overflow}
   */
  public BoundedLines(int maxLineBytes, long maxTotalBytes) {
    this.maxLineBytes = maxLineBytes;
    this.maxTotalBytes = maxTotalBytes;
  }

  /**
   * Reads {@code in} to its end or to the total cap, giving each item to {@code sink}; the last
   * item is always {@link End} or {@link Overflow}. Closes {@code in}.
   *
   * @param in the stream
   * @param sink where items go, on this thread
   */
  public void read(InputStream in, Consumer<Item> sink) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean cut = false;
    long total = 0;
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            sink.accept(new Line(line.toString(StandardCharsets.UTF_8), cut));
            line.reset();
            cut = false;
          } else if (line.size() < maxLineBytes) {
            line.write(b);
          } else {
            cut = true;
          }
        }
        if (total > maxTotalBytes) {
          sink.accept(new Overflow(total));
          return;
        }
      }
      if (line.size() > 0 || cut) {
        sink.accept(new Line(line.toString(StandardCharsets.UTF_8), cut));
      }
    } catch (IOException e) {
      // The other side is gone: that is the end of the stream.
    }
    sink.accept(new End());
  }
}
