package org.txlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTests {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpPrintsUsageToStdout() {
    assertThat(run("--help")).isEqualTo(Main.OK);
    assertThat(out.toString()).isEqualTo(Main.USAGE_TEXT + System.lineSeparator());
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertThat(run()).isEqualTo(Main.USAGE);
    assertThat(err.toString()).isEqualTo(Main.USAGE_TEXT + System.lineSeparator());
  }

  @Test
  void unknownCommandIsAUsageErrorQuotingIt() {
    assertThat(run("instal")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("[USAGE] unknown command 'instal'");
  }

  @Test
  void unknownInstallOptionIsAUsageError() {
    assertThat(run("install", "--global")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("[USAGE] unknown option '--global'");
  }

  @Test
  void kernelNeedsAConnectionFile() {
    assertThat(run("kernel")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("[USAGE] kernel needs exactly one connection file");
  }
}
