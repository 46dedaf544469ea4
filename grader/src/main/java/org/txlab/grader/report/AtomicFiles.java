package org.txlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a set of files so that a killed run leaves the previous ones intact: every file is first
 * written next to its target under a temporary name, and only when all are written are they renamed
 * into place, each rename atomic.
 */
final class AtomicFiles {
  private final Map<Path, Path> pending = new LinkedHashMap<>();

  void write(Path target, String content) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    pending.put(tmp, target);
  }

  void commit() throws IOException {
    for (Map.Entry<Path, Path> e : pending.entrySet()) {
      Files.move(
          e.getKey(),
          e.getValue(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    pending.clear();
  }

  void abandon() {
    for (Path tmp : pending.keySet()) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // A leftover temporary file is harmless: it is never read.
      }
    }
    pending.clear();
  }
}
