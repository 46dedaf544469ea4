package org.txlab.kernel;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.txlab.kernel.install.InstallOptions;
import org.txlab.kernel.install.Installer;
import org.txlab.kernel.jupyter.KernelLauncher;
import org.txlab.kernel.jupyter.Warmup;

/** Entry point of the kernel jar. */
public final class Main {

  /** Success. */
  public static final int OK = 0;

  /** Something unexpected failed; the message says what. */
  public static final int INTERNAL = 1;

  /** The command line was wrong; usage is printed. */
  public static final int USAGE = 2;

  static final String USAGE_TEXT =
      String.join(
          "\n",
          "Usage: java -jar kernel.jar <command>",
          "  install [--user | --prefix DIR | --sys-prefix] [--java PATH] [--no-cds]",
          "      install the Jupyter kernelspec 'txlab-java' (default --user)",
          "  uninstall [--user | --prefix DIR | --sys-prefix]",
          "      remove the kernelspec",
          "  kernel CONNECTION_FILE",
          "      serve Jupyter (what kernel.json runs)",
          "  warmup",
          "      run sample cells and exit (used to build the AppCDS archive)");

  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command and its options
   */
  public static void main(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line.
   *
   * @param out for results; never {@code null}
   * @param err for errors; never {@code null}
   * @param args the command and its options
   * @return the exit code: {@link #OK}, {@link #USAGE} or {@link #INTERNAL}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "kernel":
          if (rest.length != 1) {
            return usage(err, "kernel needs exactly one connection file");
          }
          KernelLauncher.run(Path.of(rest[0]));
          return OK;
        case "install":
          new Installer(out).install(InstallOptions.parse(rest));
          return OK;
        case "uninstall":
          new Installer(out).uninstall(InstallOptions.parse(rest));
          return OK;
        case "warmup":
          Warmup.run();
          return OK;
        default:
          return usage(err, "unknown command '" + args[0] + "'");
      }
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    } catch (Exception e) {
      err.println("[INTERNAL] " + args[0] + " failed: " + e);
      return INTERNAL;
    }
  }

  private static int usage(PrintWriter err, String problem) {
    err.println("[USAGE] " + problem);
    err.println(USAGE_TEXT);
    return USAGE;
  }
}
