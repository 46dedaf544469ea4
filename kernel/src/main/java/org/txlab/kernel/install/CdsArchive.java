package org.txlab.kernel.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a dynamic AppCDS archive for the installed jar by running {@code warmup} once with {@code
 * -XX:ArchiveClassesAtExit}; the archive is only valid for that exact jar path and JVM.
 */
final class CdsArchive {

  private final Path java;
  private final Path jar;
  private final Path archive;

  CdsArchive(Path java, Path jar, Path archive) {
    this.java = java;
    this.jar = jar;
    this.archive = archive;
  }

  /** Returns whether the archive was built; explains on {@code out} if not. */
  boolean build(PrintWriter out) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    int feature = JavaVersion.feature(java);
    cmd.add(KernelSpec.dumpArchive(feature, archive));
    cmd.addAll(KernelSpec.jvmOptions(feature));
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("warmup");
    Path log = Files.createTempFile("txlab-cds", ".log");
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .directory(archive.getParent().toFile())
              .start();
      int rc = p.waitFor();
      if (rc != 0 || !Files.isRegularFile(archive)) {
        out.println(
            "[CDS] archive not built (exit "
                + rc
                + "): "
                + Files.readString(log, StandardCharsets.UTF_8).strip());
        Files.deleteIfExists(archive);
        return false;
      }
      return true;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
