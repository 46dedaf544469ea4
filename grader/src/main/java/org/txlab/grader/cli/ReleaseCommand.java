package org.txlab.grader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.txlab.grader.release.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Builds the student repository. */
@Command(
    name = "release",
    description =
        "Builds the student repository in OUT: solutions replaced by their stubs, hidden tests,"
            + " reference variants and instructor tools left out, notebook outputs cleared,"
            + " binder/ kept. OUT must be new or empty; push it as its own repository.")
final class ReleaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUT", description = "a new folder")
  Path out;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "this repository's root (default: ${DEFAULT-VALUE})")
  Path repo = Path.of(".");

  @Override
  public Integer call() {
    if (!Files.isRegularFile(repo.resolve("pom.xml"))
        || !Files.isDirectory(repo.resolve("exercises"))) {
      spec.commandLine()
          .getErr()
          .println("[BAD_INPUT] '" + repo + "' is not the TxLab repository; pass --repo");
      return ExitCode.BAD_INPUT;
    }
    try {
      Release.Result r = Release.build(repo, out);
      spec.commandLine()
          .getOut()
          .printf(
              "Student repository: %s (%d files; %d with solutions stripped)%n",
              out.toAbsolutePath().normalize(), r.files().size(), r.stripped().size());
      return ExitCode.OK;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("[BAD_INPUT] " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }
}
