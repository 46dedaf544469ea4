package org.txlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the command line of a grading child: bubblewrap as an unprivileged user where it works,
 * else a plain JVM with JVM-level limits only.
 */
public final class Sandbox {
  /** In a child's arguments, stands for the student's classpath as the child sees it. */
  public static final String SUBMISSION = "@SUBMISSION@";

  /** In a child's arguments, stands for the scratch directory as the child sees it. */
  public static final String WORK = "@WORK@";

  private static final String NOBODY = "65534";

  /** The host system a child sees: {@code /usr} read-only, and the merged-/usr links to it. */
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
          "/sbin");

  private static volatile Boolean bwrapWorks;

  private final SandboxConfig config;

  /**
   * Creates a sandbox.
   *
   * @param config its knobs
   */
  public Sandbox(SandboxConfig config) {
    this.config = config;
  }

  /** Tells whether children run inside bubblewrap. */
  public boolean isolated() {
    return config.useBwrap() && bwrapWorks();
  }

  /**
   * Says what protection is missing, once per run, or nothing when bubblewrap is in use.
   *
   * @return a warning, or an empty string
   */
  public String warning() {
    if (isolated()) {
      return "";
    }
    return "[NO_SANDBOX] bubblewrap (bwrap) is "
        + (config.useBwrap() ? "not available or not permitted here" : "turned off")
        + ": submissions run as "
        + System.getProperty("user.name")
        + " with JVM-level limits only (a heap cap, deadlines, output caps, a kill of the whole"
        + " process tree). They can read and write your files and use the network. On Debian or"
        + " Ubuntu: apt-get install bubblewrap.";
  }

  /**
   * Returns the command that runs a grading child for one submission.
   *
   * <p>Inside bubblewrap the grader's jars appear read-only under {@code /txlab/lib}, the student's
   * classes under {@code /txlab/submission/N}, and the scratch directory, the only writable one, at
   * {@code /txlab/work}; nothing else of the host but {@code /usr} and {@code /etc} (read-only).
   *
   * @param runtime the grader's own jars or class directories
   * @param submission the student's compiled classes
   * @param scratch the one writable directory: HOME, temp dir and working directory
   * @param mainClass the child's main class, from the grader's own classpath
   * @param args its arguments; {@link #SUBMISSION} and {@link #WORK} in them are replaced by the
   *     student's classpath and the scratch directory as the child sees them
   * @return the command
   * @throws IOException if the scratch directory cannot be prepared
   */
  public List<String> command(
      List<Path> runtime, List<Path> submission, Path scratch, String mainClass, List<String> args)
      throws IOException {
    boolean isolated = isolated();
    List<String> binds = new ArrayList<>();
    List<String> runtimeInside = new ArrayList<>();
    for (int i = 0; i < runtime.size(); i++) {
      Path p = runtime.get(i);
      String inside = isolated ? "/txlab/lib/" + i + "-" + p.getFileName() : p.toString();
      binds.addAll(List.of("--ro-bind", p.toString(), inside));
      runtimeInside.add(inside);
    }
    List<String> submissionInside = new ArrayList<>();
    for (int i = 0; i < submission.size(); i++) {
      Path p = submission.get(i);
      String inside = isolated ? "/txlab/submission/" + i : p.toString();
      binds.addAll(List.of("--ro-bind", p.toString(), inside));
      submissionInside.add(inside);
    }
    Files.createDirectories(scratch.resolve("tmp"));
    String work = isolated ? "/txlab/work" : scratch.toString();

    Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
    List<String> jvm = new ArrayList<>();
    jvm.add(javaHome.resolve("bin/java").toString());
    jvm.add("-Xmx" + config.heapMb() + "m");
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    jvm.add("-XX:TieredStopAtLevel=1");
    jvm.add("-XX:+UseSerialGC");
    jvm.add("-XX:-UsePerfData");
    jvm.add("-Djava.io.tmpdir=" + work + "/tmp");
    jvm.add("-Dorg.sqlite.tmpdir=" + work + "/tmp");
    jvm.add("-Duser.home=" + work);
    jvm.add("-Duser.dir=" + work);
    jvm.add("-cp");
    jvm.add(String.join(File.pathSeparator, runtimeInside));
    jvm.add(mainClass);
    String submissionPath = String.join(File.pathSeparator, submissionInside);
    for (String arg : args) {
      jvm.add(arg.replace(SUBMISSION, submissionPath).replace(WORK, work));
    }

    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> command = new ArrayList<>();
    if (!isolated) {
      command.addAll(prlimit(false));
      command.addAll(jvm);
      return command;
    }
    command.add("bwrap");
    if (root) {
      // As root, a user namespace would still pass host permission checks as uid 0 (a student
      // read /etc/shadow): keep root only for the mounts, then drop to nobody inside.
      makeWritableByNobody(scratch);
      command.addAll(
          List.of(
              "--unshare-ipc",
              "--unshare-pid",
              "--unshare-net",
              "--unshare-uts",
              "--unshare-cgroup-try"));
    } else {
      command.add("--unshare-all");
    }
    command.addAll(SYSTEM);
    command.addAll(
        List.of(
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/bin:/bin",
            "--setenv",
            "HOME",
            work,
            "--ro-bind",
            "/etc",
            "/etc",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--perms",
            "1777",
            "--tmpfs",
            "/tmp",
            // Directories bwrap creates for binds are 0700 root: make the mount points first.
            "--perms",
            "0755",
            "--dir",
            "/txlab",
            "--perms",
            "0755",
            "--dir",
            "/txlab/lib",
            "--perms",
            "0755",
            "--dir",
            "/txlab/submission"));
    if (!javaHome.startsWith("/usr")) {
      command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
    }
    command.addAll(binds);
    command.addAll(List.of("--bind", scratch.toString(), work, "--chdir", work, "--"));
    if (root) {
      command.addAll(
          List.of(
              "setpriv",
              "--reuid=" + NOBODY,
              "--regid=" + NOBODY,
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--"));
    }
    command.addAll(prlimit(root));
    command.addAll(jvm);
    return command;
  }

  private static List<String> prlimit(boolean asNobody) {
    if (!Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
      return List.of();
    }
    List<String> limits =
        new ArrayList<>(List.of("/usr/bin/prlimit", "--nofile=512", "--fsize=268435456"));
    if (asNobody) {
      // Counts every task of the uid: JVM threads and the crash tests' child JVMs included.
      limits.add("--nproc=1500");
    }
    limits.add("--");
    return limits;
  }

  private static void makeWritableByNobody(Path scratch) throws IOException {
    try {
      Process p =
          new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, scratch.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("chown of " + scratch + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while preparing " + scratch, e);
    }
  }

  private static boolean bwrapWorks() {
    if (bwrapWorks == null) {
      boolean ok;
      try {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> probe = new ArrayList<>();
        probe.add("bwrap");
        probe.add(root ? "--unshare-net" : "--unshare-all");
        probe.addAll(SYSTEM);
        probe.addAll(List.of("--die-with-parent", "--"));
        if (root) {
          probe.addAll(
              List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        probe.add("/bin/true");
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException | InterruptedException e) {
        ok = false;
      }
      bwrapWorks = ok;
    }
    return bwrapWorks;
  }
}
