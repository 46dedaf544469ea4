package org.txlab.grader.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.txlab.grader.suite.PlannedTest;
import org.txlab.grader.suite.Submission;
import org.txlab.grader.suite.SuiteRunner;

/**
 * The disposable child JVM that runs hidden tests against one submission.
 *
 * <p>Arguments: {@code <test package> <implementation> <classpath> [parallel|sequential]}; stdin:
 * the nonce, then the unique ids of the tests to run, one a line, then an empty line. It reads all
 * of stdin before any student class loads, moves {@code System.out} to fd 2, reports on fd 1 and
 * halts when done, so no student thread outlives the run.
 */
public final class GradingChild {
  private GradingChild() {}

  /**
   * Runs the tests.
   *
   * @param args see the class comment
   * @throws Exception if stdin is unreadable
   */
  public static void main(String[] args) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    final String nonce = in.readLine();
    List<String> ids = new ArrayList<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      ids.add(line);
    }
    PrintStream channel =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    SuiteRunner runner = new SuiteRunner(args[0], args.length > 3 && args[3].equals("parallel"));
    Set<String> wanted = Set.copyOf(ids);
    List<PlannedTest> tests =
        runner.plan().stream().filter(t -> wanted.contains(t.uniqueId())).toList();
    Submission submission =
        new Submission(
            "submission",
            Arrays.stream(args[2].split(File.pathSeparator)).map(Path::of).toList(),
            args[1]);
    runner.execute(
        submission,
        tests,
        new SuiteRunner.Events() {
          @Override
          public void started(PlannedTest test) {
            synchronized (channel) {
              channel.println(nonce + " " + Channel.START + " " + test.uniqueId());
            }
          }

          @Override
          public void finished(PlannedTest test, boolean passed, String message, long millis) {
            synchronized (channel) {
              channel.println(
                  nonce
                      + " "
                      + Channel.END
                      + " "
                      + (passed ? "PASS" : "FAIL")
                      + " "
                      + millis
                      + " "
                      + test.uniqueId()
                      + "\t"
                      + Channel.escape(message));
            }
          }
        });
    synchronized (channel) {
      channel.println(nonce + " " + Channel.DONE);
    }
    // Student threads may still run (a loop that ignores interrupts): end the JVM, not politely.
    Runtime.getRuntime().halt(0);
  }
}
