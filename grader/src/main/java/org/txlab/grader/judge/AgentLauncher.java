package org.txlab.grader.judge;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.sqlite.util.OSInfo;
import org.txlab.agent.Agent;
import org.txlab.course.Shop;
import org.txlab.course.process.JvmCommand;
import org.txlab.grader.sandbox.Mount;
import org.txlab.grader.sandbox.Sandbox;
import org.txlab.grader.sandbox.SandboxConfig;
import org.txlab.grader.sandbox.Slot;
import org.txlab.kernel.engine.Engine;

/**
 * Starts submission JVMs: the agent's classpath (the agent, the course library, the kernel's engine
 * for notebook cells, sqlite-jdbc, Gson, ASM — never the grader, which holds the hidden tests),
 * mounted read-only; flags for a short-lived JVM without attach; SQLite's native library unpacked
 * once; and a class-data archive of the agent, built once per grader for exactly these jars, so
 * that each JVM starts in a fraction of the time.
 */
public final class AgentLauncher {
  private static final String LIB = "/txlab/lib/";
  private static final String NATIVE = "/txlab/native";
  private static final String CDS = "/txlab/cds/agent.jsa";

  private final Sandbox sandbox;
  private final Path cache;
  private List<Path> classpath;
  private Path nativeDir;
  private Path archive;
  private static final int KEPT_ARCHIVES = 3;
  private String archiveNote = "not built";

  /**
   * Creates a launcher.
   *
   * @param sandbox the sandbox
   * @param cache a directory of the grader's own for the native library and the archive
   */
  public AgentLauncher(Sandbox sandbox, Path cache) {
    this.sandbox = sandbox;
    this.cache = cache;
    this.classpath = agentClasspath();
  }

  /** The submission JVM's classpath on this machine. */
  static List<Path> agentClasspath() {
    List<Path> cp = new ArrayList<>();
    for (Class<?> c :
        List.of(
            Agent.class,
            Shop.class,
            Engine.class,
            org.sqlite.JDBC.class,
            Gson.class,
            ClassVisitor.class)) {
      Path p = JvmCommand.codeSource(c);
      if (!cp.contains(p)) {
        cp.add(p);
      }
    }
    return List.copyOf(cp);
  }

  /**
   * Unpacks SQLite's native library and builds the class-data archive, once; a failure only costs
   * speed.
   *
   * @param slot a slot to run the archive's warm-up in
   */
  public synchronized void prepare(Slot slot) {
    if (nativeDir != null) {
      return;
    }
    try {
      Files.createDirectories(cache);
      nativeDir = unpackNative();
      if (nativeDir != null) {
        nativeDir = sandbox.staged(nativeDir, "native");
      }
      List<Path> staged = new ArrayList<>();
      for (int i = 0; i < classpath.size(); i++) {
        Path jar = classpath.get(i);
        staged.add(
            Files.isRegularFile(jar)
                ? sandbox.staged(jar, "lib-" + i + "-" + jar.getFileName())
                : jar);
      }
      classpath = List.copyOf(staged);
    } catch (IOException e) {
      nativeDir = null;
    }
    try {
      archive = buildArchive(slot);
      if (archive != null) {
        archive = sandbox.staged(archive, "agent.jsa");
      }
    } catch (IOException | RuntimeException e) {
      archive = null;
      archiveNote = "not built: " + e.getMessage();
    }
  }

  /** Says whether JVMs start from the class-data archive, for the benchmark's report. */
  public String archiveNote() {
    return archiveNote;
  }

  /**
   * Says why submission JVMs start slower than they could, if they do: no class-data archive (a
   * development build from class folders excepted), or SQLite's library not unpacked once.
   *
   * @return the reason, for the instructor
   */
  public synchronized java.util.Optional<String> slowStartReason() {
    List<String> why = new ArrayList<>();
    if (nativeDir == null) {
      why.add("SQLite's native library could not be unpacked into " + cache);
    }
    if (archive == null && !archiveNote.contains("development build")) {
      why.add("class-data archive " + archiveNote);
    }
    return why.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(String.join("; ", why));
  }

  /**
   * Starts a submission JVM in a slot and waits until it is ready.
   *
   * @param slot its slot
   * @param extra more read-only mounts (the student's classes)
   * @return the ready JVM
   * @throws GraderTrouble if it does not start
   */
  public AgentProcess start(Slot slot, List<Mount> extra) {
    AgentProcess p = startAsync(slot, extra);
    p.awaitReady();
    return p;
  }

  /**
   * Starts a submission JVM without waiting for it (so that several start at once).
   *
   * @param slot its slot
   * @param extra more read-only mounts
   * @return the starting JVM; call {@link AgentProcess#awaitReady()}
   */
  public AgentProcess startAsync(Slot slot, List<Mount> extra) {
    return launch(slot, extra, archive != null ? "-XX:SharedArchiveFile=" + seenArchive() : null);
  }

  private String seenArchive() {
    return sandbox.seen(Mount.readOnly(archive, CDS));
  }

  private AgentProcess launch(Slot slot, List<Mount> extra, String cdsOption) {
    List<Mount> mounts = new ArrayList<>(libraryMounts());
    mounts.addAll(extra);
    if (nativeDir != null) {
      mounts.add(Mount.readOnly(nativeDir, NATIVE));
    }
    if (archive != null && cdsOption != null) {
      mounts.add(Mount.readOnly(archive, CDS));
    }
    JvmCommand jvm = jvm(slot, mounts);
    if (cdsOption != null) {
      jvm.option(cdsOption);
    }
    return AgentProcess.start(sandbox.command(slot, mounts, jvm), slot, sandbox.config());
  }

  private List<Mount> libraryMounts() {
    List<Mount> mounts = new ArrayList<>();
    for (int i = 0; i < classpath.size(); i++) {
      Path p = classpath.get(i);
      mounts.add(Mount.readOnly(p, LIB + i + "-" + p.getFileName()));
    }
    return mounts;
  }

  private JvmCommand jvm(Slot slot, List<Mount> mounts) {
    SandboxConfig config = sandbox.config();
    String work = sandbox.seenScratch(slot);
    String tmp = sandbox.isolated() ? "/tmp" : ownTmp(slot);
    JvmCommand jvm =
        JvmCommand.of(Agent.class.getName())
            .heapMb(config.heapMb())
            .option("-XX:+ExitOnOutOfMemoryError")
            .option("-XX:+DisableAttachMechanism")
            .option("-XX:MaxMetaspaceSize=192m")
            .option("-XX:ReservedCodeCacheSize=48m")
            .option("-XX:MaxDirectMemorySize=64m")
            // The JVM's own warnings go to a file of the sandbox, never onto the judge's channel
            // nor into what the student's code printed.
            .option("-Xlog:disable")
            .option("-Xlog:all=warning:file=" + tmp + "/jvm-warnings.log")
            .property("java.io.tmpdir", tmp)
            .property("org.sqlite.tmpdir", tmp)
            .property("user.home", work)
            .property("user.dir", work);
    String extra = System.getProperty("txlab.agent.jvmOptions", "").strip();
    if (!extra.isEmpty()) {
      // For profiling the submission JVMs (bench/README.md), never needed to grade.
      for (String o : extra.split("\\s+")) {
        jvm.option(o);
      }
    }
    if (nativeDir != null && Files.exists(nativeDir.resolve("libsqlitejdbc.so"))) {
      jvm.property("org.sqlite.lib.path", sandbox.seen(Mount.readOnly(nativeDir, NATIVE)));
      jvm.property("org.sqlite.lib.name", "libsqlitejdbc.so");
    }
    List<String> cp = new ArrayList<>();
    for (Mount m : mounts.subList(0, classpath.size())) {
      cp.add(sandbox.seen(m));
    }
    return jvm.classpath(cp);
  }

  /** Without bubblewrap there is no private /tmp: the JVM gets one in its scratch. */
  private static String ownTmp(Slot slot) {
    Path tmp = slot.scratch().resolve("tmp");
    try {
      return Files.createDirectories(tmp).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the submission's temporary folder " + tmp, e);
    }
  }

  private Path unpackNative() throws IOException {
    // Where sqlite-jdbc keeps its libraries: without this, every submission JVM extracts and
    // checksums a 1 MB library into /tmp before its first connection (~0.15 s of CPU each).
    String resource =
        "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so";
    Path dir = Files.createDirectories(cache.resolve("native"));
    Path lib = dir.resolve("libsqlitejdbc.so");
    try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Path tmp = Files.createTempFile(dir, ".lib", ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    lib.toFile().setReadable(true, false);
    dir.toFile().setExecutable(true, false);
    return dir;
  }

  /** Builds (or reuses) the archive for exactly these jars, this JVM and these flags. */
  private Path buildArchive(Slot slot) throws IOException {
    for (Path p : classpath) {
      if (!p.toString().endsWith(".jar")) {
        archiveNote = "not built: the classpath holds directories (a development build)";
        return null;
      }
    }
    StringBuilder key = new StringBuilder(System.getProperty("java.home"));
    key.append(sandbox.isolated()).append(sandbox.config().heapMb());
    for (Path p : classpath) {
      // The path the JVM sees (it is in the archive), and the content behind it.
      key.append(sandbox.seen(Mount.readOnly(p, LIB + p.getFileName()))).append(Files.size(p));
      key.append(Hashes.contentOf(List.of(p)));
    }
    String hash =
        Hashes.sha256(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .substring(0, 16);
    Path target = cache.resolve("agent-" + hash + ".jsa");
    if (Files.isRegularFile(target)) {
      archiveNote = "reused " + target.getFileName();
      CachedArchives.markUsed(target);
      return target;
    }
    slot.reset();
    String out = sandbox.seenScratch(slot) + "/agent.jsa";
    AgentProcess warm = launch(slot, List.of(), "-XX:ArchiveClassesAtExit=" + out);
    try (warm) {
      warm.awaitReady();
      warm.command(
          Deadline.in(Duration.ofSeconds(60), "the warm-up"), "WARMUP", sandbox.seenScratch(slot));
      // A clean exit (no student code ran in this JVM) writes the archive.
      warm.send("BYE");
      warm.awaitExit(Duration.ofSeconds(60));
    }
    Path made = slot.scratch().resolve("agent.jsa");
    if (!Files.isRegularFile(made) || Files.size(made) == 0) {
      archiveNote = "not built: the warm-up JVM wrote no archive";
      return null;
    }
    Files.copy(made, target, StandardCopyOption.REPLACE_EXISTING);
    target.toFile().setReadable(true, false);
    slot.reset();
    archiveNote = "built " + target.getFileName() + " (" + (Files.size(target) >> 20) + " MB)";
    CachedArchives.prune(target, "agent-[0-9a-f]+\\.jsa", KEPT_ARCHIVES - 1);
    return target;
  }
}
