package org.txlab.kernel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the installed kernel with {@code jupyter_client} (one session, every scenario) and checks
 * what the kernel sent.
 */
class KernelIT {

  @TempDir static Path root;
  private static JsonObject report;

  @BeforeAll
  static void driveTheKernel() throws IOException, InterruptedException {
    InstalledKernel kernel = InstalledKernel.install(root);
    Path driver = kernel.workDir().resolve("drive_kernel.py");
    try (InputStream in = KernelIT.class.getResourceAsStream("drive_kernel.py")) {
      Files.copy(in, driver);
    }
    InstalledKernel.Result r =
        kernel.run(
            180,
            List.of(
                InstalledKernel.PYTHON,
                driver.toString(),
                "txlab-java",
                kernel.workDir().toString()));
    assertThat(r.exitCode()).as("driver stderr: %s", r.errors()).isZero();
    report = JsonParser.parseString(r.output().strip()).getAsJsonObject();
  }

  private static JsonObject section(String name) {
    assertThat(report.has(name)).as("report has %s: %s", name, report).isTrue();
    return report.getAsJsonObject(name);
  }

  private static JsonObject firstError(String name) {
    JsonArray errors = section(name).getAsJsonArray("errors");
    assertThat(errors).as("errors of %s", name).hasSize(1);
    return errors.get(0).getAsJsonObject();
  }

  @Test
  void reportsJavaAsItsLanguage() {
    assertThat(report.get("kernel_info").getAsString()).isEqualTo("java");
  }

  @Test
  void executeReturnsTheLastExpressionAsResult() {
    JsonObject value = section("value");
    assertThat(
            value
                .getAsJsonArray("results")
                .get(0)
                .getAsJsonObject()
                .get("text/plain")
                .getAsString())
        .isEqualTo("42");
    assertThat(value.getAsJsonObject("reply").get("status").getAsString()).isEqualTo("ok");
  }

  @Test
  void streamsStdoutAndStderr() {
    JsonObject streams = section("streams").getAsJsonObject("streams");
    assertThat(streams.get("stdout").getAsString()).isEqualTo("to out\n");
    assertThat(streams.get("stderr").getAsString()).isEqualTo("to err\n");
  }

  @Test
  void publishesDisplayDataWithMimeTypes() {
    JsonArray displays = section("display").getAsJsonArray("displays");
    assertThat(displays).hasSize(2);
    assertThat(displays.get(0).getAsJsonObject().get("text/html").getAsString())
        .isEqualTo("<b>bold</b>");
    assertThat(displays.get(1).getAsJsonObject().get("text/markdown").getAsString())
        .isEqualTo("# T");
    String table =
        section("table")
            .getAsJsonArray("displays")
            .get(0)
            .getAsJsonObject()
            .get("text/html")
            .getAsString();
    assertThat(table).contains("<table").contains("pen");
  }

  @Test
  void runtimeErrorCarriesTheRealExceptionAndCellLine() {
    JsonObject error = firstError("runtime_error");
    assertThat(error.get("ename").getAsString()).isEqualTo("java.lang.ArithmeticException");
    assertThat(error.get("evalue").getAsString()).isEqualTo("/ by zero");
    assertThat(error.getAsJsonArray("traceback").toString()).contains("line 2");
    assertThat(section("runtime_error").getAsJsonObject("reply").get("status").getAsString())
        .isEqualTo("error");
  }

  @Test
  void compileErrorCarriesTheDiagnosticAndCellLine() {
    JsonObject error = firstError("compile_error");
    assertThat(error.get("ename").getAsString()).isEqualTo("CompilationError");
    assertThat(error.get("evalue").getAsString())
        .isEqualTo("line 2: incompatible types: int cannot be converted to java.lang.String");
  }

  @Test
  void interruptStopsABusyLoop() {
    JsonObject busy = section("interrupt_busy");
    assertThat(busy.get("started").getAsBoolean()).isTrue();
    assertThat(busy.get("status").getAsString()).isEqualTo("error");
    assertThat(firstError("interrupt_busy").get("ename").getAsString())
        .isEqualTo("CellInterrupted");
  }

  @Test
  void interruptStopsALoopThatSwallowsInterrupts() {
    assertThat(firstError("interrupt_swallowing").get("ename").getAsString())
        .isEqualTo("CellInterrupted");
    assertThat(section("alive_after_interrupts").getAsJsonArray("results").toString())
        .contains("\"2\"");
  }

  @Test
  void completesMembers() {
    JsonObject complete = section("complete");
    assertThat(complete.getAsJsonArray("matches").toString()).contains("toUpperCase(");
    String code = "int unused = 0;\ngreeting.toUpp";
    assertThat(
            code.substring(
                complete.get("cursor_start").getAsInt(), complete.get("cursor_end").getAsInt()))
        .isEqualTo("toUpp");
  }

  @Test
  void answersIsComplete() {
    assertThat(report.get("is_complete_incomplete").getAsString()).isEqualTo("incomplete");
    assertThat(report.get("is_complete_complete").getAsString()).isEqualTo("complete");
  }

  @Test
  void loadMagicRunsAFile() {
    assertThat(section("magic_load").getAsJsonArray("results").toString()).contains("\"42\"");
  }

  @Test
  void systemExitIsAnErrorAndTheKernelSurvives() {
    assertThat(firstError("system_exit").get("evalue").getAsString()).contains("System.exit(2)");
    assertThat(section("alive_after_exit").getAsJsonArray("results").toString())
        .contains("still here");
  }

  @Test
  void shutsDown() {
    assertThat(report.get("alive_after_shutdown").getAsBoolean()).isFalse();
  }
}
