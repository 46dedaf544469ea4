package org.txlab.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.txlab.course.process.LineCodec;

/**
 * The agent's side of fd 1: whole lines, one writer at a time. Student code may write on fd 1 too
 * (it is in this process), so each line goes out framed by newlines in a single {@code write}: a
 * partial line the code left is ended before ours, and a write of up to a pipe's buffer (4 KB on
 * Linux) cannot be split by another writer. Whatever the code prints, the agent's lines reach the
 * judge whole, and the judge counts the code's lines as stray output.
 */
final class Out {
  private final FileOutputStream channel = new FileOutputStream(FileDescriptor.out);

  /** Writes one line of fields, at once. */
  void send(List<String> fields) {
    byte[] framed = ("\n" + LineCodec.join(fields) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (channel) {
      try {
        channel.write(framed);
      } catch (IOException e) {
        // The judge is gone (it closed the pipe) and stops this JVM: nothing to report to. The
        // code's call goes on undisturbed, as it did with a PrintStream.
      }
    }
  }

  void send(String... fields) {
    send(List.of(fields));
  }
}
