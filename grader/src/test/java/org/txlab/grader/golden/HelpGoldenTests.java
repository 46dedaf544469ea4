package org.txlab.grader.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.txlab.grader.cli.Main;

/** The exact {@code --help} of the grader and of each verb: what an instructor reads first. */
class HelpGoldenTests {
  @ParameterizedTest
  @ValueSource(strings = {"", "grade", "gradescope", "merge", "validate", "starter", "release"})
  void printsExactlyTheRecordedHelp(String verb) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = verb.isEmpty() ? new String[] {"--help"} : new String[] {verb, "--help"};

    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    Golden.matches(
        out.toString(),
        Golden.ROOT.resolve("help/" + (verb.isEmpty() ? "txlab-grader" : verb) + ".txt"));
  }
}
