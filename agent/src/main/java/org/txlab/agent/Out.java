package org.txlab.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.txlab.course.process.LineCodec;

/** The agent's side of fd 1: whole lines, one writer at a time. */
final class Out {
  private final PrintStream channel =
      new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

  /** Writes one line of fields and flushes it. */
  void send(List<String> fields) {
    String line = LineCodec.join(fields);
    synchronized (channel) {
      channel.print(line);
      channel.print('\n');
      channel.flush();
    }
  }

  void send(String... fields) {
    send(List.of(fields));
  }
}
