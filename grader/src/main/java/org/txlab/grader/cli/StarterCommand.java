package org.txlab.grader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.txlab.grader.sources.Starter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes the student starter of a source with solution markers. */
@Command(
    name = "starter",
    description =
        "Writes the student starter of a reference source: each '// BEGIN SOLUTION ex: hint'"
            + " region becomes a TODO(ex) stub that throws; bare regions are removed.")
final class StarterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description = "a .java file with solution markers")
  Path source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "where to write the starter (default: print it)")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(source)) {
      spec.commandLine().getErr().println("[BAD_INPUT] no such file: '" + source + "'");
      return ExitCode.BAD_INPUT;
    }
    String starter;
    try {
      starter = Starter.strip(Files.readString(source, StandardCharsets.UTF_8), source.toString());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("[BAD_INPUT] " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (output == null) {
      spec.commandLine().getOut().println(starter);
    } else {
      Files.writeString(output, starter, StandardCharsets.UTF_8);
    }
    return ExitCode.OK;
  }
}
