package org.txlab.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Jupyter's data directories, as {@code jupyter kernelspec install} computes them on Linux. */
final class JupyterPaths {

  private JupyterPaths() {}

  static Path userKernels() {
    String dataDir = System.getenv("JUPYTER_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      return Path.of(dataDir, "kernels");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("jupyter").resolve("kernels");
  }

  static Path prefixKernels(Path prefix) {
    return prefix.toAbsolutePath().resolve("share").resolve("jupyter").resolve("kernels");
  }

  /** The kernels directory of Debian's Python ({@code sys.prefix}, normally {@code /usr}). */
  static Path sysPrefixKernels() {
    String prefix = "/usr";
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import sys; print(sys.prefix)")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() == 0 && !out.isEmpty()) {
        prefix = out;
      }
    } catch (IOException e) {
      // No Python here: keep /usr, where Debian's Jupyter looks.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return prefixKernels(Path.of(prefix));
  }
}
