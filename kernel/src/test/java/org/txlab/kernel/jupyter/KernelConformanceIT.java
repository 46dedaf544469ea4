package org.txlab.kernel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Jupyter's own kernel test suite ({@code jupyter_kernel_test}, Debian's {@code
 * python3-jupyter-kernel-test}) against the installed kernel: {@code src/test/python/
 * test_conformance.py}, which validates every message against the messaging spec's schemas.
 *
 * <p>Besides the kernelspec as installed, it gets {@code txlab-java-no-jshell}: the same kernel on
 * a Java runtime limited to modules without {@code jdk.jshell}, so that its engine cannot start,
 * and the suite checks that every request is still answered.
 */
class KernelConformanceIT {

  private static final Pattern RAN = Pattern.compile("Ran (\\d+) tests?");

  @Test
  void passesJupytersKernelTestSuite(@TempDir Path root) throws IOException, InterruptedException {
    InstalledKernel kernel = InstalledKernel.install(root);
    InstalledKernel.Result probe =
        kernel.run(60, List.of(InstalledKernel.PYTHON, "-c", "import jupyter_kernel_test"));
    assertThat(probe.exitCode())
        .as(
            "jupyter_kernel_test importable by %s (bash setup.sh installs it:"
                + " apt-get install python3-jupyter-kernel-test); %s",
            InstalledKernel.PYTHON, probe.errors())
        .isZero();
    writeSpecWithoutJShell(kernel.kernelSpecDir());
    Path suite = Path.of(System.getProperty("txlab.kernel.python.tests"), "test_conformance.py");
    Files.copy(suite, kernel.workDir().resolve(suite.getFileName()));

    InstalledKernel.Result r =
        kernel.run(
            600, List.of(InstalledKernel.PYTHON, "-m", "unittest", "-v", "test_conformance"));

    // unittest reports on stderr.
    assertThat(r.exitCode()).as("jupyter_kernel_test's report:%n%s", r.errors()).isZero();
    Matcher ran = RAN.matcher(r.errors());
    assertThat(ran.find()).as("a test count in:%n%s", r.errors()).isTrue();
    assertThat(Integer.parseInt(ran.group(1))).isGreaterThanOrEqualTo(25);
    // Only the pager test may be skipped: the kernel has no pager; everything else has samples.
    assertThat(r.errors().lines().filter(l -> l.contains("... skipped")))
        .as("skipped tests")
        .allMatch(l -> l.startsWith("test_pager "));
  }

  /** A kernelspec beside {@code spec} running the same jar with no {@code jdk.jshell} module. */
  private static void writeSpecWithoutJShell(Path spec) throws IOException {
    JsonObject json =
        JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
    JsonArray argv = new JsonArray();
    for (JsonElement arg : json.getAsJsonArray("argv")) {
      String a = arg.getAsString();
      // The AppCDS/AOT archive was built for the full module graph; leave it out.
      if (!a.startsWith("-XX:SharedArchiveFile=") && !a.startsWith("-XX:AOTCache=")) {
        argv.add(a);
      }
      if (argv.size() == 1) {
        argv.add("--limit-modules");
        argv.add("java.se,jdk.unsupported");
      }
    }
    json.add("argv", argv);
    json.addProperty("display_name", "Java (TxLab) without jdk.jshell");
    Path dir = Files.createDirectories(spec.resolveSibling("txlab-java-no-jshell"));
    Files.writeString(
        dir.resolve("kernel.json"),
        new GsonBuilder().setPrettyPrinting().create().toJson(json),
        StandardCharsets.UTF_8);
  }
}
