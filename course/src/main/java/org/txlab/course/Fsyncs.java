package org.txlab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts the {@code fsync} calls SQLite makes per commit, in each journal mode and {@code
 * synchronous} setting.
 *
 * <p>Where {@code strace} is installed and allowed (Linux), a child JVM commits under it and the
 * calls are counted exactly. Elsewhere on Linux the count is estimated: a thread that calls {@code
 * fsync} on a real disk waits for the disk, and every wait is a voluntary context switch of that
 * thread ({@code /proc/thread-self/status}); the switches per commit divided by the switches per
 * {@code fsync} of a plain file give the number of {@code fsync} calls. On tmpfs nothing waits, and
 * the estimate says 0: put {@code dir} on a disk ({@link Scratch#onDisk}).
 *
 * <pre>{@code
 * Fsyncs.perCommit(Scratch.onDisk("fsyncs"), 200)   // a table: mode, fsyncs per commit, method
 * }</pre>
 */
public final class Fsyncs {
  /** The four settings, in the order of the lesson's table. */
  public static final List<String> MODES =
      List.of("DELETE:FULL", "DELETE:NORMAL", "WAL:FULL", "WAL:NORMAL");

  private static final String STRACE = "/usr/bin/strace";

  /**
   * The count for one setting.
   *
   * @param journalMode {@code DELETE} or {@code WAL}
   * @param synchronous {@code FULL} or {@code NORMAL}
   * @param commits how many commits were counted
   * @param fsyncsPerCommit {@code fsync} and {@code fdatasync} calls divided by commits
   * @param oneCommit what the first commit's calls synced, in order (e.g. {@code "journal, folder,
   *     journal, database"}), or {@code "-"} when not traced
   * @param method {@code "strace"} (counted) or how it was estimated
   */
  public record Count(
      String journalMode,
      String synchronous,
      int commits,
      double fsyncsPerCommit,
      String oneCommit,
      String method) {}

  private Fsyncs() {}

  /**
   * Counts fsyncs per commit for each of {@link #MODES}.
   *
   * @param dir an empty folder for the databases, on the disk to measure
   * @param commits commits per setting, e.g. 200
   * @return one count per setting
   * @throws IOException if the databases cannot be written
   * @throws SQLException if SQLite fails
   * @throws InterruptedException if interrupted while the child runs
   */
  public static List<Count> perCommit(Path dir, int commits)
      throws IOException, SQLException, InterruptedException {
    if (Files.isExecutable(Path.of(STRACE))) {
      List<Count> counted = traced(dir, commits);
      if (!counted.isEmpty()) {
        return counted;
      }
    }
    return estimated(dir, commits);
  }

  private static List<Count> traced(Path dir, int commits)
      throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("traced"));
    Path trace = dir.resolve("strace.txt");
    List<String> command = new ArrayList<>();
    // --seccomp-bpf stops the child only at the traced calls, so it runs at nearly full speed.
    command.addAll(
        List.of(
            STRACE,
            "-f",
            "-qq",
            // -y names the file behind each descriptor: which file each fsync synced.
            "-y",
            "--seccomp-bpf",
            "-e",
            "trace=fsync,fdatasync,mkdir,mkdirat",
            "-o",
            trace.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Dorg.sqlite.tmpdir=" + work,
            "-cp",
            ChildJvm.codeSource(CommitProbe.class)
                + System.getProperty("path.separator")
                + ChildJvm.codeSource(org.sqlite.JDBC.class),
            CommitProbe.class.getName(),
            "count",
            work.toString(),
            Integer.toString(commits)));
    command.addAll(MODES);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(trace)) {
      // strace may be forbidden (no ptrace in some containers): estimate instead.
      p.destroyForcibly();
      System.err.println(Messages.get("fsyncs.straceFailed", output.strip()));
      return List.of();
    }
    List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
    List<Count> counts = new ArrayList<>();
    for (String mode : MODES) {
      String tag = mode.replace(':', '-');
      List<String> synced = new ArrayList<>();
      boolean inside = false;
      for (String line : lines) {
        if (line.contains("mkdir") && line.contains("/start-" + tag + "\"")) {
          inside = true;
        } else if (line.contains("mkdir") && line.contains("/end-" + tag + "\"")) {
          inside = false;
        } else if (inside
            && !line.contains("resumed>")
            && (line.contains(" fsync(") || line.contains(" fdatasync("))) {
          synced.add(target(line, work));
        }
      }
      String[] m = mode.split(":");
      int perCommit = (int) Math.round(synced.size() / (double) commits);
      String oneCommit = perCommit == 0 ? "-" : String.join(", ", synced.subList(0, perCommit));
      counts.add(
          new Count(m[0], m[1], commits, synced.size() / (double) commits, oneCommit, "strace"));
    }
    return counts;
  }

  /** What an fsync line of strace -y synced: {@code fsync(11</dir/x.db-journal>) = 0}. */
  private static String target(String line, Path folder) {
    int open = line.indexOf('<');
    int close = line.indexOf('>', open + 1);
    if (open < 0 || close < 0) {
      return "?";
    }
    String path = line.substring(open + 1, close);
    if (Path.of(path).equals(folder)) {
      return "folder";
    }
    if (path.endsWith("-journal")) {
      return "journal";
    }
    if (path.endsWith("-wal")) {
      return "-wal file";
    }
    return path.endsWith(".db") ? "database" : Path.of(path).getFileName().toString();
  }

  private static List<Count> estimated(Path dir, int commits) throws IOException, SQLException {
    Path status = Path.of("/proc/thread-self/status");
    List<Count> counts = new ArrayList<>();
    if (!Files.isReadable(status)) {
      for (String mode : MODES) {
        String[] m = mode.split(":");
        counts.add(new Count(m[0], m[1], 0, Double.NaN, "-", Messages.get("fsyncs.cannot")));
      }
      return counts;
    }
    double perFsync = switchesPerFsync(dir.resolve("calibrate.bin"), commits);
    for (String mode : MODES) {
      String[] m = mode.split(":");
      try (Connection c = CommitProbe.open(dir.resolve(m[0] + "-" + m[1] + ".db"), m[0], m[1])) {
        CommitProbe.commit(c, 5);
        long before = voluntarySwitches(status);
        CommitProbe.commit(c, commits);
        double perCommit = (voluntarySwitches(status) - before) / (double) commits;
        counts.add(
            new Count(
                m[0],
                m[1],
                commits,
                perFsync > 0 ? perCommit / perFsync : 0,
                "-",
                Messages.get("fsyncs.estimated")));
      }
    }
    return counts;
  }

  private static double switchesPerFsync(Path file, int n) throws IOException {
    Path status = Path.of("/proc/thread-self/status");
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      long before = voluntarySwitches(status);
      for (int i = 0; i < n; i++) {
        ch.write(ByteBuffer.wrap("{\"id\":1}\n".getBytes(StandardCharsets.UTF_8)));
        ch.force(false);
      }
      return (voluntarySwitches(status) - before) / (double) n;
    }
  }

  private static long voluntarySwitches(Path status) throws IOException {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("voluntary_ctxt_switches:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    throw new UncheckedIOException(new IOException("no voluntary_ctxt_switches in " + status));
  }
}
