package org.txlab.kernel.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code kernel.json}. */
final class KernelSpec {

  private KernelSpec() {}

  /**
   * JVM options for a fast start and a small footprint: C1 only, serial GC (one cell at a time
   * needs no more), a 64 MB initial heap; on JDK 22+ native access for SQLite's JNI library without
   * a warning. The archive is only accepted by a JVM started with the same options, so dump and
   * kernel share this list.
   *
   * <p>{@code -Xms64m}: the default initial heap is 1/64 of the machine's memory (384 MB here), and
   * the serial GC lets its young generation (a third) fill before the first collection, so all of
   * it gets touched: the kernel's process tree held ~245 MB after notebook 02, ~145 MB with this.
   * 64 MB is a little more than a session's heap grows to over notebook 02 (48 MB from a 16 MB
   * start, through 2 full collections and ~40% more pause time), so it never grows through a full
   * collection there, and the total GC pause over 02 stays as before (~220 ms). The maximum stays
   * the JVM's default (a quarter of the machine's or container's memory).
   */
  static List<String> jvmOptions(int javaFeature) {
    List<String> options =
        new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m"));
    if (javaFeature >= 22) {
      options.add("--enable-native-access=ALL-UNNAMED");
    }
    return options;
  }

  /** The option that uses {@code archive}: an AOT cache on JDK 25+, else a dynamic CDS archive. */
  static String useArchive(int javaFeature, Path archive) {
    return javaFeature >= 25 ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive;
  }

  /** The option that writes {@code archive} at exit, matching {@link #useArchive}. */
  static String dumpArchive(int javaFeature, Path archive) {
    return javaFeature >= 25
        ? "-XX:AOTCacheOutput=" + archive
        : "-XX:ArchiveClassesAtExit=" + archive;
  }

  /** The archive's file name: {@code kernel.aot} on JDK 25+, else {@code kernel.jsa}. */
  static String archiveName(int javaFeature) {
    return javaFeature >= 25 ? "kernel.aot" : "kernel.jsa";
  }

  static List<String> argv(Path java, Path jar, Path archive) {
    int feature = JavaVersion.feature(java);
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    if (archive != null) {
      argv.add(useArchive(feature, archive));
    }
    argv.addAll(jvmOptions(feature));
    argv.add("-jar");
    argv.add(jar.toString());
    argv.add("kernel");
    argv.add("{connection_file}");
    return argv;
  }

  static String json(Path java, Path jar, Path archive) {
    StringBuilder b = new StringBuilder("{\n  \"argv\": [");
    List<String> argv = argv(java, jar, archive);
    for (int i = 0; i < argv.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
    }
    b.append("],\n");
    b.append("  \"display_name\": \"Java (TxLab)\",\n");
    b.append("  \"language\": \"java\",\n");
    b.append("  \"interrupt_mode\": \"message\",\n");
    b.append("  \"env\": {},\n");
    b.append("  \"metadata\": {\"debugger\": false}\n");
    b.append("}\n");
    return b.toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
