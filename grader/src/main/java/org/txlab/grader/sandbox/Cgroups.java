package org.txlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Task and memory limits per slot with Linux cgroups, where this process may create them (as root):
 * cgroup v1's {@code pids} and {@code memory} hierarchies, or a cgroup v2 tree with both
 * controllers. Where the {@code cpu} controller is there too, each slot is a group of its own with
 * the default weight, so the slots share the CPU equally however many threads one of them runs (a
 * thread hog next door cannot slow an honest hand-in down to its deadlines). Elsewhere there are
 * none, and the {@link Watchdog} and rlimits stand in.
 */
final class Cgroups {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  // Our groups are named txlab-<grader pid>-<slot>.
  private static final java.util.regex.Pattern OURS =
      java.util.regex.Pattern.compile("txlab-(\\d+)-\\d+");
  private static final java.util.concurrent.atomic.AtomicBoolean PRUNED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** One slot's groups. */
  record Group(List<Path> dirs, boolean v2) {

    /** The command prefix that moves the child into the groups before it execs. */
    List<String> prefix() {
      StringBuilder script = new StringBuilder();
      for (Path d : dirs) {
        script.append("echo $$ > '").append(d.resolve("cgroup.procs")).append("' && ");
      }
      script.append("exec \"$@\"");
      return List.of("/bin/sh", "-c", script.toString(), "txlab-cgroup");
    }

    /** Tells whether the kernel's OOM killer struck in this group since it was made. */
    boolean oomKilled() {
      for (Path d : dirs) {
        for (String file : List.of("memory.events", "memory.oom_control")) {
          try {
            for (String line : Files.readAllLines(d.resolve(file))) {
              String[] kv = line.trim().split("\\s+");
              if (kv.length == 2 && kv[0].equals("oom_kill") && !kv[1].equals("0")) {
                return true;
              }
            }
          } catch (IOException | RuntimeException e) {
            // Not this controller's file.
          }
        }
      }
      return false;
    }

    /** Tells whether the task limit was hit. */
    boolean tasksExhausted() {
      for (Path d : dirs) {
        for (String file : List.of("pids.events")) {
          try {
            for (String line : Files.readAllLines(d.resolve(file))) {
              String[] kv = line.trim().split("\\s+");
              if (kv.length == 2 && kv[0].equals("max") && !kv[1].equals("0")) {
                return true;
              }
            }
          } catch (IOException | RuntimeException e) {
            // No such file.
          }
        }
      }
      return false;
    }

    /** Removes the groups; they must be empty. */
    void remove() {
      for (Path d : dirs) {
        try {
          Files.deleteIfExists(d);
        } catch (IOException e) {
          // A process still in it: the kernel keeps it until then.
        }
      }
    }
  }

  private final String kind;

  private Cgroups(String kind) {
    this.kind = kind;
  }

  /**
   * Removes, once per run, the empty groups of graders that were killed before they could (named
   * after a process that is gone); a group that still holds a process stays.
   */
  private void pruneStale() {
    if (PRUNED.getAndSet(true)) {
      return;
    }
    List<Path> parents =
        kind.equals("v2")
            ? List.of(ROOT)
            : List.of(ROOT.resolve("pids"), ROOT.resolve("memory"), ROOT.resolve("cpu"));
    for (Path parent : parents) {
      try (java.util.stream.Stream<Path> groups = Files.list(parent)) {
        for (Path g : groups.toList()) {
          java.util.regex.Matcher m = OURS.matcher(g.getFileName().toString());
          if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
            try {
              Files.delete(g);
            } catch (IOException stillInUse) {
              // A process is still in it; the next run tries again.
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // No such hierarchy here.
      }
    }
  }

  /** No cgroups: for a grader that may not make them. */
  static Cgroups none() {
    return new Cgroups("none");
  }

  /** Finds what this machine allows. */
  static Cgroups detect() {
    if (Files.isWritable(ROOT.resolve("pids")) && Files.isWritable(ROOT.resolve("memory"))) {
      return new Cgroups("v1");
    }
    Path controllers = ROOT.resolve("cgroup.controllers");
    try {
      if (Files.isWritable(ROOT.resolve("cgroup.subtree_control"))
          && Files.readString(controllers).contains("pids")
          && Files.readString(controllers).contains("memory")) {
        return new Cgroups("v2");
      }
    } catch (IOException e) {
      // No cgroup v2 here.
    }
    return new Cgroups("none");
  }

  /** Tells whether groups can be made. */
  boolean available() {
    return !kind.equals("none");
  }

  /** Says which kind, for the grader's report: {@code v1}, {@code v2} or {@code none}. */
  String kind() {
    return kind;
  }

  /**
   * Makes one slot's groups.
   *
   * @param name unique among running graders
   * @param maxTasks processes and threads at once
   * @param memoryBytes memory, {@code /tmp} pages included
   * @return the groups
   * @throws IOException if they cannot be made
   */
  Group create(String name, int maxTasks, long memoryBytes) throws IOException {
    pruneStale();
    List<Path> dirs = new ArrayList<>();
    if (kind.equals("v1")) {
      Path pids = Files.createDirectories(ROOT.resolve("pids").resolve(name));
      Files.writeString(pids.resolve("pids.max"), Integer.toString(maxTasks));
      Path memory = Files.createDirectories(ROOT.resolve("memory").resolve(name));
      Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
      Path swap = memory.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(swap)) {
        Files.writeString(swap, Long.toString(memoryBytes));
      }
      dirs.add(pids);
      dirs.add(memory);
      Path cpu = ROOT.resolve("cpu");
      try {
        if (Files.exists(cpu.resolve("cgroup.procs"))) {
          dirs.add(Files.createDirectory(cpu.resolve(name)));
        }
      } catch (IOException noCpuController) {
        // Task and memory limits still hold; CPU is shared by thread, as without cgroups.
      }
    } else if (kind.equals("v2")) {
      Files.writeString(ROOT.resolve("cgroup.subtree_control"), "+pids +memory");
      try {
        Files.writeString(ROOT.resolve("cgroup.subtree_control"), "+cpu");
      } catch (IOException noCpuController) {
        // Task and memory limits still hold; CPU is shared by thread, as without cgroups.
      }
      Path group = Files.createDirectories(ROOT.resolve(name));
      Files.writeString(group.resolve("pids.max"), Integer.toString(maxTasks));
      Files.writeString(group.resolve("memory.max"), Long.toString(memoryBytes));
      try {
        Files.writeString(group.resolve("memory.swap.max"), "0");
      } catch (IOException noSwapAccounting) {
        // Without swap accounting the memory limit alone holds.
      }
      dirs.add(group);
    }
    return new Group(dirs, kind.equals("v2"));
  }
}
