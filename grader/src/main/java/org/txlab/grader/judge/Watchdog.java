package org.txlab.grader.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.txlab.grader.sandbox.SandboxConfig;

/**
 * Where the kernel cannot limit a slot (no cgroups, no sized scratch: a grader that is not root),
 * watches every submission JVM's process tree four times a second and stops it when it goes over
 * the slot's limits on tasks, memory or scratch size. A watchdog is a backstop, not a wall: a fast
 * allocation can overshoot between two looks.
 */
final class Watchdog {
  private static final Set<AgentProcess> WATCHED = ConcurrentHashMap.newKeySet();
  private static final int MAX_SCRATCH_ENTRIES = 20_000;
  private static volatile Thread thread;

  private Watchdog() {}

  static void watch(AgentProcess p) {
    WATCHED.add(p);
    if (thread == null) {
      synchronized (Watchdog.class) {
        if (thread == null) {
          Thread t = new Thread(Watchdog::loop, "sandbox-watchdog");
          t.setDaemon(true);
          t.start();
          thread = t;
        }
      }
    }
  }

  private static void loop() {
    while (true) {
      for (AgentProcess p : List.copyOf(WATCHED)) {
        if (!p.alive()) {
          WATCHED.remove(p);
          continue;
        }
        String reason = over(p);
        if (reason != null) {
          p.kill(reason);
          WATCHED.remove(p);
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String over(AgentProcess p) {
    SandboxConfig config = p.config();
    long rss = 0;
    long tasks = 0;
    for (ProcessHandle h :
        Stream.concat(Stream.of(p.handle()), p.handle().descendants()).toList()) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            rss += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
          } else if (line.startsWith("Threads:")) {
            tasks += Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | RuntimeException gone) {
        // The process ended meanwhile.
      }
    }
    if (tasks > config.maxTasks()) {
      return "[OUT_OF_MEMORY] your code started more threads than the sandbox allows";
    }
    if (rss > config.memoryBytes()) {
      return "[OUT_OF_MEMORY] your code used more memory than the sandbox allows ("
          + (config.memoryBytes() >> 20)
          + " MB)";
    }
    if (!p.slot().sizeCapped() && scratchBytes(p.slot().scratch()) > config.scratchBytes()) {
      return "[DISK_FULL] your code wrote more than "
          + (config.scratchBytes() >> 20)
          + " MB of files; the JVM was stopped";
    }
    return null;
  }

  private static long scratchBytes(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.limit(MAX_SCRATCH_ENTRIES)
          .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
