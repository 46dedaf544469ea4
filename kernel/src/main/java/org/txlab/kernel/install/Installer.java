package org.txlab.kernel.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.txlab.kernel.Main;

/**
 * Installs the {@code txlab-java} kernelspec: copies the kernel jar and its libraries into the
 * kernelspec directory, builds an AppCDS archive for them, and writes {@code kernel.json}.
 */
public final class Installer {

  /** The kernelspec name. */
  public static final String KERNEL_NAME = "txlab-java";

  private final PrintWriter out;

  /**
   * Creates an installer that reports progress.
   *
   * @param out where progress goes; never {@code null}
   */
  public Installer(PrintWriter out) {
    this.out = out;
  }

  /**
   * Installs or replaces the kernelspec.
   *
   * @param options where and how; never {@code null}
   * @throws IOException if files cannot be written
   * @throws InterruptedException if interrupted while building the archive
   */
  public void install(InstallOptions options) throws IOException, InterruptedException {
    Path dir = options.kernelsDir().resolve(KERNEL_NAME);
    deleteTree(dir);
    Files.createDirectories(dir.resolve("lib"));
    Path source = runningJar();
    Path jar = dir.resolve(source.getFileName().toString());
    Files.copy(source, jar, StandardCopyOption.REPLACE_EXISTING);
    for (Path lib : manifestClassPath(source)) {
      Files.copy(
          lib,
          dir.resolve("lib").resolve(lib.getFileName().toString()),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path archive = dir.resolve(KernelSpec.archiveName(JavaVersion.feature(options.java())));
    boolean cds = options.cds() && new CdsArchive(options.java(), jar, archive).build(out);
    String json = KernelSpec.json(options.java(), jar, cds ? archive : null);
    Files.writeString(dir.resolve("kernel.json"), json, StandardCharsets.UTF_8);
    out.println("Installed kernelspec " + KERNEL_NAME + " in " + dir);
    if (!cds) {
      out.println("(no AppCDS archive: the kernel starts slower)");
    }
  }

  /**
   * Removes the kernelspec.
   *
   * @param options where; never {@code null}
   * @throws IOException if files cannot be deleted
   */
  public void uninstall(InstallOptions options) throws IOException {
    Path dir = options.kernelsDir().resolve(KERNEL_NAME);
    if (!Files.exists(dir)) {
      out.println("No kernelspec " + KERNEL_NAME + " in " + options.kernelsDir());
      return;
    }
    deleteTree(dir);
    out.println("Removed kernelspec " + KERNEL_NAME + " from " + dir);
  }

  private static Path runningJar() throws IOException {
    try {
      Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!p.toString().endsWith(".jar")) {
        throw new IOException(
            "install must run from the kernel jar (java -jar kernel/target/kernel-*.jar install),"
                + " not from "
                + p);
      }
      return p;
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the kernel jar: " + e.getMessage(), e);
    }
  }

  private static List<Path> manifestClassPath(Path jar) throws IOException {
    List<Path> libs = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      String cp = file.getManifest().getMainAttributes().getValue("Class-Path");
      if (cp == null) {
        return libs;
      }
      for (String entry : cp.trim().split("\\s+")) {
        Path lib = jar.getParent().resolve(entry);
        if (!Files.isRegularFile(lib)) {
          throw new IOException(
              "the kernel jar needs " + lib + "; build with mvn -pl kernel -am package");
        }
        libs.add(lib);
      }
    }
    return libs;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
