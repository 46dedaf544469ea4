package org.txlab.kernel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The kernel jar installed into a temporary Jupyter prefix, and a way to run Jupyter on it. */
final class InstalledKernel {

  static final String PYTHON = "/usr/bin/python3";
  static final String JUPYTER = "/usr/bin/jupyter";

  private final Path root;

  private InstalledKernel(Path root) {
    this.root = root;
  }

  /** Installs the built kernel jar with {@code install --prefix} under {@code root}. */
  static InstalledKernel install(Path root) throws IOException, InterruptedException {
    String jar = System.getProperty("txlab.kernel.jar");
    assertThat(jar).as("system property txlab.kernel.jar (set by failsafe)").isNotNull();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    InstalledKernel kernel = new InstalledKernel(root);
    Result r =
        kernel.run(
            60,
            List.of(
                java.toString(),
                "-jar",
                jar,
                "install",
                "--prefix",
                root.resolve("prefix").toString()));
    assertThat(r.exitCode()).as("install output: %s", r.output()).isZero();
    assertThat(kernel.kernelSpecDir().resolve("kernel.json")).exists();
    return kernel;
  }

  /** Runs {@code uninstall --prefix} with the kernel jar. */
  Result uninstall() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return run(
        60,
        List.of(
            java.toString(),
            "-jar",
            System.getProperty("txlab.kernel.jar"),
            "uninstall",
            "--prefix",
            root.resolve("prefix").toString()));
  }

  Path kernelSpecDir() {
    return root.resolve("prefix/share/jupyter/kernels/txlab-java");
  }

  Path workDir() throws IOException {
    return Files.createDirectories(root.resolve("work"));
  }

  /**
   * What a process printed and how it ended.
   *
   * @param exitCode the exit code
   * @param output stdout
   * @param errors stderr
   */
  record Result(int exitCode, String output, String errors) {}

  /** Runs a command with Jupyter's paths pointing into the temporary root. */
  Result run(int timeoutSeconds, List<String> command) throws IOException, InterruptedException {
    Path home = Files.createDirectories(root.resolve("home"));
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir().toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.put("JUPYTER_PATH", root.resolve("prefix/share/jupyter").toString());
    env.put("JUPYTER_DATA_DIR", root.resolve("data").toString());
    env.put("JUPYTER_RUNTIME_DIR", root.resolve("runtime").toString());
    env.put("JUPYTER_CONFIG_DIR", root.resolve("config").toString());
    env.put("JUPYTER_PLATFORM_DIRS", "1");
    Path out = root.resolve("out-" + System.nanoTime() + ".txt");
    Path err = root.resolve("err-" + System.nanoTime() + ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(
          "Expecting "
              + command
              + " to finish within "
              + timeoutSeconds
              + " s; stderr: "
              + read(err));
    }
    // A kernel left behind would hold the machine; the driver shuts it down, this is a backstop.
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    return new Result(p.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
