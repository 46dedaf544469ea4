package org.txlab.course.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process and every process it started, with SIGKILL. */
public final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills {@code root} and all its descendants at once (children first, so none is re-parented and
   * missed), keeping the root's pipes open so its last output can still be read.
   *
   * @param root the process
   */
  public static void kill(ProcessHandle root) {
    List<ProcessHandle> descendants = root.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
    // A process started while we listed them: look once more.
    root.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Kills a process tree and waits for the root to be gone.
   *
   * @param process the root
   * @param wait how long to wait for it to exit
   * @return its exit code, or -1 if it did not exit in time
   */
  public static int killAndWait(Process process, Duration wait) {
    kill(process.toHandle());
    try {
      if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }
}
