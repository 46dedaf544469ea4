package org.txlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson in a real browser: Debian's Jupyter Notebook server with the TxLab kernel installed
 * into a temporary prefix, and headless Debian Chromium driven by {@code playwright-core} from the
 * node project in {@code notebooks/browser} ({@code node --test}). The node tests open notebook 02,
 * run all its cells, type a student's {@code placeOrder} into the exercise cell, run the
 * self-check, stop a runaway cell from the toolbar, and save screenshots under {@code
 * notebooks/target/browser/}.
 *
 * <p>Skipped only when Chromium or the node packages are missing ({@code bash setup.sh} installs
 * both, as CI does).
 */
class BrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path BROWSER_TESTS = Path.of(System.getProperty("txlab.browser.dir"));
  private static final Path SCREENSHOTS = Path.of(System.getProperty("txlab.browser.screenshots"));
  private static final Pattern PASSED = Pattern.compile("(?m)^# pass (\\d+)$");
  private static final Pattern FAILED = Pattern.compile("(?m)^# fail (\\d+)$");

  @Test
  void studentRunsNotebook02InABrowserAndStopsARunawayCell(@TempDir Path work) throws Exception {
    // Fails rather than skips: test.sh runs setup.sh first, which installs both, so a missing one
    // is a broken machine, and a skipped browser test would let the build go green without it.
    assertTrue(
        Files.isExecutable(CHROMIUM),
        "no Chromium at "
            + CHROMIUM
            + "; install it: apt-get install -y --no-install-recommends chromium"
            + " (bash setup.sh does)");
    assertTrue(
        Files.isRegularFile(BROWSER_TESTS.resolve("node_modules/playwright-core/package.json")),
        "the browser test's node packages are missing; install them: npm ci --prefix"
            + " notebooks/browser (bash setup.sh does)");

    Path prefix = work.resolve("jupyter");
    Path root = Files.createDirectories(work.resolve("root"));
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    installKernel(prefix, work.resolve("install.log"));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
    env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
    env.put("JUPYTER_DATA_DIR", work.resolve("data").toString());
    env.put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
    env.put("JUPYTER_CONFIG_DIR", work.resolve("config").toString());
    env.put("TMPDIR", tmp.toString());
    // The kernel and the child JVMs it starts write their temp files here, not in /tmp.
    env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);

    Files.createDirectories(SCREENSHOTS);
    Path report = SCREENSHOTS.resolve("node-test.txt");
    try (JupyterServer server = JupyterServer.start(root, work.resolve("server.log"), env)) {
      Map<String, String> nodeEnv = new HashMap<>(env);
      nodeEnv.put("TXLAB_JUPYTER_URL", server.url);
      nodeEnv.put("TXLAB_JUPYTER_TOKEN", server.token);
      nodeEnv.put("TXLAB_JUPYTER_ROOT", root.toString());
      nodeEnv.put("TXLAB_NOTEBOOKS", Notebook.folder().toAbsolutePath().toString());
      nodeEnv.put("TXLAB_SCREENSHOTS", SCREENSHOTS.toString());
      nodeEnv.put("TXLAB_CHROMIUM", CHROMIUM.toString());
      int exit = runNodeTests(nodeEnv, report);

      String output = Files.readString(report, StandardCharsets.UTF_8);
      assertThat(exit)
          .as(
              "node --test exit code; its output:%n%s%nJupyter server log:%n%s",
              output, server.log())
          .isZero();
      assertThat(count(PASSED, output)).as("browser tests passed in:%n%s", output).isEqualTo(2);
      assertThat(count(FAILED, output)).as("browser tests failed in:%n%s", output).isZero();
    }
    assertThat(SCREENSHOTS.resolve("02-student-self-check.png")).isNotEmptyFile();
  }

  private static void installKernel(Path prefix, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process install =
        new ProcessBuilder(
                java,
                "-jar",
                System.getProperty("txlab.kernel.jar"),
                "install",
                "--prefix",
                prefix.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(install.waitFor(180, TimeUnit.SECONDS)).as("kernel install finished").isTrue();
    assertThat(install.exitValue())
        .as("kernel install; its log:%n%s", Files.readString(log))
        .isZero();
  }

  private static int runNodeTests(Map<String, String> env, Path report) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(List.of("node", "--test", "tests/"))
            .directory(BROWSER_TESTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(report.toFile());
    pb.environment().putAll(env);
    Process node = pb.start();
    if (!node.waitFor(20, TimeUnit.MINUTES)) {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly();
      throw new AssertionError(
          "Expecting node --test to finish within 20 min; its output:\n"
              + Files.readString(report, StandardCharsets.UTF_8));
    }
    return node.exitValue();
  }

  private static int count(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
