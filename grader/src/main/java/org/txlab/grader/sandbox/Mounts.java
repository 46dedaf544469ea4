package org.txlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Size-capped tmpfs mounts for slot scratch directories (root only), and their cleanup. */
final class Mounts {
  private Mounts() {}

  /** Mounts a tmpfs of {@code bytes} on {@code dir}; false if this process may not. */
  static boolean mountTmpfs(Path dir, long bytes) {
    return run(
        List.of(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "size=" + bytes + ",mode=0755,nosuid,nodev",
            "tmpfs",
            dir.toString()));
  }

  /** Unmounts {@code dir}, lazily if it is busy. */
  static void unmount(Path dir) {
    if (!run(List.of("umount", dir.toString()))) {
      run(List.of("umount", "-l", dir.toString()));
    }
  }

  /** Unmounts every mount under {@code root} left by a grader that was killed. */
  static void unmountStale(Path root) {
    String prefix = root.toAbsolutePath().normalize() + "/";
    List<String> stale = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String[] f = line.split(" ");
        if (f.length > 1 && f[1].startsWith(prefix)) {
          stale.add(f[1]);
        }
      }
    } catch (IOException e) {
      return;
    }
    stale.forEach(m -> unmount(Path.of(m)));
  }

  private static boolean run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
