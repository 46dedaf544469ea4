package org.txlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.txlab.course.process.JvmCommand;

/**
 * Builds the command line of a submission JVM: bubblewrap as an unprivileged uid where it works,
 * else a plain JVM with JVM-level limits only; and prepares the {@link Slot}s that keep concurrent
 * submissions apart.
 *
 * <p>As root, the command drops to the slot's own uid with {@code setpriv} first and then starts
 * bubblewrap unprivileged, in a user namespace of its own that may not create further ones ({@code
 * --disable-userns}): root never touches student code, and a uid per slot keeps task limits apart.
 * The sandbox sees {@code /usr} and {@code /etc} read-only, the given mounts, a sized {@code /tmp}
 * and its scratch at {@code /txlab/work}; nothing else of the host.
 */
public final class Sandbox implements AutoCloseable {
  /** Where the scratch directory appears inside the sandbox. */
  public static final String WORK = "/txlab/work";

  private static final int FIRST_UID = 64000;
  private static final int UIDS = 1000;
  private static final List<String> SYSTEM =
      List.of(
          "--ro-bind",
          "/usr",
          "/usr",
          "--symlink",
          "usr/lib",
          "/lib",
          "--symlink",
          "usr/lib64",
          "/lib64",
          "--symlink",
          "usr/bin",
          "/bin",
          "--symlink",
          "usr/sbin",
          "/sbin",
          "--ro-bind",
          "/etc",
          "/etc");

  private static volatile Boolean bwrapWorks;

  /**
   * Returns where the grader's own code is (the folder of its jar, or its classes folder): the
   * hidden tests and the quiz's key, which no sandbox may see.
   */
  /**
   * Returns the bubblewrap arguments that hide {@code hidden} if the sandbox would see it: a grader
   * installed under {@code /usr} or {@code /etc} (or in the JDK) gets an empty file over its jar,
   * or an empty folder over its classes.
   *
   * @param hidden what no sandbox may see: a jar, or a folder of classes
   * @param isJar whether it is a jar
   * @param javaHome the JDK the sandbox runs, which must stay visible
   * @return the arguments, none if the sandbox does not see {@code hidden} anyway
   * @throws IllegalStateException if {@code hidden} is a folder the JDK is in
   */
  static List<String> covering(Path hidden, boolean isJar, Path javaHome) {
    boolean seen =
        hidden.startsWith("/usr") || hidden.startsWith("/etc") || hidden.startsWith(javaHome);
    if (!seen) {
      return List.of();
    }
    if (isJar) {
      return List.of("--ro-bind", "/dev/null", hidden.toString());
    }
    if (javaHome.startsWith(hidden)) {
      throw new IllegalStateException(
          "[SANDBOX] the grader's classes in "
              + hidden
              + " hold the JDK the sandbox runs, so they cannot be hidden from it; install the"
              + " grader as a jar, or outside /usr and /etc");
    }
    return List.of("--tmpfs", hidden.toString());
  }

  /** Returns the grader's own code, its jar or its classes folder. */
  static Path graderCode() {
    return org.txlab.course.process.JvmCommand.codeSource(Sandbox.class).toAbsolutePath();
  }

  private final SandboxConfig config;
  private final boolean root = "root".equals(System.getProperty("user.name"));
  private final Cgroups cgroups;
  private Path stage;

  /**
   * Creates a sandbox.
   *
   * @param config its knobs
   */
  public Sandbox(SandboxConfig config) {
    this.config = config;
    this.cgroups = root ? Cgroups.detect() : Cgroups.none();
  }

  /** Returns the knobs. */
  public SandboxConfig config() {
    return config;
  }

  /**
   * Returns a directory for host files the sandbox binds, or {@code null} if any path will do.
   *
   * <p>As root, bubblewrap starts as a slot's uid, which must be able to reach every path it binds;
   * the grader's own files may sit under a home that uid cannot enter. So they are staged under a
   * fresh directory in the system's temp folder that every uid may traverse (mode 0711) but not
   * list; inside the sandbox only what is bound is visible.
   *
   * @return the stage, created on first use
   * @throws IOException if it cannot be made
   */
  public synchronized Path stage() throws IOException {
    if (!(root && isolated())) {
      return null;
    }
    if (stage == null) {
      stage = Files.createTempDirectory("txlab-stage");
      Files.setPosixFilePermissions(
          stage, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    }
    return stage;
  }

  /**
   * Makes a copy of {@code from} (a file or a tree) in the stage, readable by every slot, and
   * returns it; returns {@code from} itself where no stage is needed.
   *
   * @param from the host file or directory
   * @param name its name in the stage
   * @return the path to bind
   * @throws IOException if it cannot be copied
   */
  public Path staged(Path from, String name) throws IOException {
    Path dir = stage();
    if (dir == null) {
      return from;
    }
    Path to = dir.resolve(name);
    Slot.clean(to, true);
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
          target.toFile().setExecutable(true, false);
        } else {
          Files.createDirectories(target.getParent());
          // The same modification time as the original: class-data archives check it.
          Files.copy(
              p,
              target,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        target.toFile().setReadable(true, false);
      }
    }
    return to;
  }

  /** Removes the stage. */
  @Override
  public synchronized void close() {
    if (stage != null) {
      Mounts.unmountStale(stage);
      try {
        Slot.clean(stage, true);
      } catch (IOException e) {
        // Left in the temp folder; harmless.
      }
      stage = null;
    }
  }

  /** Tells whether submission JVMs run inside bubblewrap. */
  public boolean isolated() {
    return config.useBwrap() && bwrapWorks();
  }

  /**
   * Says, once per run, what protection is missing; empty when nothing is.
   *
   * @return a warning, or an empty string
   */
  public String warning() {
    List<String> missing = new ArrayList<>();
    if (!isolated()) {
      missing.add(
          "[NO_SANDBOX] bubblewrap (bwrap) is "
              + (config.useBwrap() ? "not available or not permitted here" : "turned off")
              + ": submissions run as "
              + System.getProperty("user.name")
              + " with JVM-level limits only (a heap cap, deadlines, output caps, a kill of the"
              + " whole process tree, a watchdog on threads, memory and scratch size). They can"
              + " read and write your files and use the network. On Debian or Ubuntu: apt-get"
              + " install bubblewrap.");
    } else if (!root) {
      missing.add(
          "[SHARED_LIMITS] not running as root: all sandboxes run as "
              + System.getProperty("user.name")
              + ", without cgroups or a size-capped scratch; a watchdog kills a submission over"
              + " its thread, memory or scratch limits, but --jobs above 1 lets one submission's"
              + " threads count against another's. Run as root for per-slot limits.");
    } else if (!cgroups.available()) {
      missing.add(
          "[NO_CGROUPS] cgroups are not writable here: task and memory limits are per uid"
              + " (rlimits) and a watchdog's, not the kernel's per slot.");
    }
    return String.join("\n", missing);
  }

  /**
   * Prepares a slot: its scratch directory under {@code root}, and as root its uid, a tmpfs of the
   * scratch size and its cgroups.
   *
   * @param index the slot's number, from 0
   * @param slots where scratch directories go
   * @return the slot; close it when grading is done
   * @throws IOException if the scratch cannot be made
   */
  public Slot openSlot(int index, Path slots) throws IOException {
    Path scratch = Files.createDirectories(slots.resolve("slot-" + index));
    boolean mounted = root && isolated() && Mounts.mountTmpfs(scratch, config.scratchBytes());
    Cgroups.Group group = null;
    if (root && cgroups.available()) {
      try {
        group =
            cgroups.create(
                "txlab-" + ProcessHandle.current().pid() + "-" + index,
                config.maxTasks(),
                config.memoryBytes());
      } catch (IOException e) {
        group = null;
      }
    }
    // A uid no other slot uses, in this grader or another one running now.
    UidLease uid = root && isolated() ? UidLease.take(FIRST_UID, UIDS) : null;
    Slot slot = new Slot(index, uid == null ? -1 : uid.uid(), scratch, mounted, group, uid);
    slot.reset();
    return slot;
  }

  /**
   * Unmounts and removes slot scratch directories a killed grader left under {@code slots}.
   *
   * @param slots the slots' parent directory
   */
  public static void cleanStale(Path slots) {
    if (Files.isDirectory(slots)) {
      Mounts.unmountStale(slots);
    }
  }

  /** Says which cgroups are in use: {@code v1}, {@code v2} or {@code none}. */
  public String cgroups() {
    return cgroups.kind();
  }

  /**
   * Returns where a mount appears to the submission: its inside path in the sandbox, else its host
   * path.
   *
   * @param mount the mount
   * @return the path the submission JVM uses
   */
  public String seen(Mount mount) {
    return isolated() ? mount.inside() : mount.host().toString();
  }

  /** Returns where the slot's scratch appears to the submission. */
  public String seenScratch(Slot slot) {
    return isolated() ? WORK : slot.scratch().toString();
  }

  /**
   * Returns the command that runs a submission JVM in a slot.
   *
   * @param slot the slot; its scratch is the one writable directory
   * @param mounts read-only paths the JVM needs (jars, classes, the class-data archive)
   * @param jvm the JVM's command, with paths as {@link #seen} gives them
   * @return the command
   */
  public List<String> command(Slot slot, List<Mount> mounts, JvmCommand jvm) {
    List<String> command = new ArrayList<>();
    if (slot.group() != null) {
      command.addAll(slot.group().prefix());
    }
    if (!isolated()) {
      command.addAll(prlimit(false));
      command.addAll(jvm.build());
      return command;
    }
    if (root) {
      // Root never runs student code: drop to the slot's uid, then let bubblewrap build the
      // sandbox unprivileged (a user namespace it cannot leave, nor nest).
      command.addAll(
          List.of(
              "setpriv",
              "--reuid=" + slot.uid(),
              "--regid=" + slot.uid(),
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--"));
    }
    command.add("bwrap");
    command.addAll(
        List.of(
            "--unshare-user",
            "--unshare-all",
            "--disable-userns",
            "--cap-drop",
            "ALL",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/bin:/bin",
            "--setenv",
            "HOME",
            WORK));
    command.addAll(SYSTEM);
    command.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    command.addAll(
        List.of(
            "--perms", "1777", "--size", Long.toString(config.scratchBytes()), "--tmpfs", "/tmp"));
    Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
    if (!javaHome.startsWith("/usr")) {
      command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
    }
    Path grader = graderCode();
    command.addAll(covering(grader, Files.isRegularFile(grader), javaHome));
    for (Mount m : mounts) {
      command.addAll(
          List.of(m.writable() ? "--bind" : "--ro-bind", m.host().toString(), m.inside()));
    }
    command.addAll(List.of("--bind", slot.scratch().toString(), WORK, "--chdir", WORK, "--"));
    command.addAll(prlimit(root));
    command.addAll(jvm.build());
    return command;
  }

  private List<String> prlimit(boolean ownUid) {
    if (!Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
      return List.of();
    }
    List<String> limits =
        new ArrayList<>(
            List.of(
                "/usr/bin/prlimit",
                "--nofile=512",
                "--fsize=" + config.scratchBytes(),
                "--core=0"));
    if (ownUid) {
      // Counts every task of the slot's uid: its JVMs' threads and anything they start.
      limits.add("--nproc=" + config.maxTasks());
    }
    limits.add("--");
    return limits;
  }

  private boolean bwrapWorks() {
    if (bwrapWorks == null) {
      List<String> probe = new ArrayList<>();
      if (root) {
        probe.addAll(
            List.of(
                "setpriv", "--reuid=" + FIRST_UID, "--regid=" + FIRST_UID, "--clear-groups", "--"));
      }
      probe.addAll(
          List.of(
              "bwrap", "--unshare-user", "--unshare-all", "--disable-userns", "--die-with-parent"));
      probe.addAll(SYSTEM);
      probe.addAll(List.of("--size", "1048576", "--tmpfs", "/tmp", "--", "/bin/true"));
      boolean ok;
      try {
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        ok = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ok = false;
      }
      bwrapWorks = ok;
    }
    return bwrapWorks;
  }
}
