package org.txlab.grader.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code txlab-grader}. */
@Command(
    name = "txlab-grader",
    mixinStandardHelpOptions = true,
    // Every verb answers --help (and --version) too.
    scope = CommandLine.ScopeType.INHERIT,
    version = "txlab-grader 0.1.0",
    description = "Grades TxLab exercises with hidden tests.",
    subcommands = {
      GradeCommand.class,
      GradescopeCommand.class,
      MergeCommand.class,
      ValidateCommand.class,
      StarterCommand.class,
      ReleaseCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String... args) {
    java.util.OptionalInt tuned = Relaunch.inTunedJvm(args);
    if (tuned.isPresent()) {
      System.exit(tuned.getAsInt());
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line; testable as a function.
   *
   * @param out where results go
   * @param err where errors go
   * @param args the arguments
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("[INTERNAL] " + e + " — this is a grader bug; please report it.");
          return ExitCode.INTERNAL;
        });
    int code = cli.execute(args);
    return code == CommandLine.ExitCode.USAGE ? ExitCode.USAGE : code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. validate");
  }
}
