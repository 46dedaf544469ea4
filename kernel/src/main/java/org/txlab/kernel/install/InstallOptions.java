package org.txlab.kernel.install;

import java.nio.file.Path;

/**
 * Where to install the kernelspec and how.
 *
 * @param kernelsDir the Jupyter {@code kernels} directory to install into
 * @param java the {@code java} executable kernel.json runs; never {@code null}
 * @param cds whether to build an AppCDS archive for faster start
 */
public record InstallOptions(Path kernelsDir, Path java, boolean cds) {

  /**
   * Parses {@code [--user | --prefix DIR | --sys-prefix] [--java PATH] [--no-cds]}.
   *
   * @param args the options after the command
   * @return the options; {@code --user} if no location is given
   * @throws IllegalArgumentException for unknown or incomplete options
   */
  public static InstallOptions parse(String... args) {
    Path kernels = null;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    boolean cds = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--user" -> kernels = JupyterPaths.userKernels();
        case "--sys-prefix" -> kernels = JupyterPaths.sysPrefixKernels();
        case "--prefix" ->
            kernels = JupyterPaths.prefixKernels(Path.of(value(args, ++i, "--prefix")));
        case "--java" -> java = Path.of(value(args, ++i, "--java"));
        case "--no-cds" -> cds = false;
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    return new InstallOptions(
        kernels == null ? JupyterPaths.userKernels() : kernels, java.toAbsolutePath(), cds);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
