package org.txlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.course.QuizKey;

/**
 * Executes each notebook headless with Debian's real Jupyter ({@code nbconvert --execute}) and the
 * TxLab kernel installed into a temporary Jupyter data directory, then checks what the cells
 * showed.
 *
 * <p>nbconvert fails the run on any error outside a cell tagged {@code raises-exception}. Cells are
 * found by a piece of their source, so prose can change freely.
 */
class NotebooksIT {
  /** Debian's Jupyter, by full path: an earlier {@code python3} on PATH may lack its modules. */
  private static final String JUPYTER = "/usr/bin/jupyter";

  private static final long RUN_TIMEOUT_SECONDS = 300;

  @TempDir static Path work;

  private static Map<String, String> env;

  @BeforeAll
  static void installTheKernel() throws Exception {
    Path kernelJar = Path.of(System.getProperty("txlab.kernel.jar"));
    assertThat(kernelJar)
        .as("the kernel jar; build with mvn -pl notebooks -am verify")
        .isRegularFile();
    Path prefix = work.resolve("jupyter");
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process install =
        new ProcessBuilder(
                java, "-jar", kernelJar.toString(), "install", "--prefix", prefix.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("install.log").toFile())
            .start();
    assertThat(install.waitFor(120, TimeUnit.SECONDS)).as("kernel install finished").isTrue();
    assertThat(install.exitValue())
        .as("kernel install exit code; its log:%n%s", Files.readString(work.resolve("install.log")))
        .isZero();
    env =
        Map.of(
            "JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
            "JUPYTER_DATA_DIR", work.resolve("data").toString(),
            "JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString(),
            // The kernel and the child JVMs it starts write their temp files (databases, flat
            // files, compiled classes) here rather than in /tmp.
            "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
  }

  @Test
  void flatFilesNotebookReproducesEachBugWithRealKilledProcesses() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("01-flat-files.ipynb"));

    assertThat(nb.output("killAt(\"between-appends\")"))
        .contains("child stopped at: between-appends", "killed with SIGKILL, exit code 137");
    assertThat(nb.output("restart(crash)"))
        .contains("3 | Last lamp | 2500 | 0", "orders after restart\n(0 rows)");
    assertThat(nb.output("Race.processes"))
        .containsPattern("result \\| order 1\nresult \\| order 1\n\\(2 rows\\)");
    // Both orders were appended, both with id 1. Each order line is written in two pieces, so
    // the two processes' pieces may interleave: count the records' starts, not whole lines.
    assertThat(
            Pattern.compile("\\{\"id\":1,\"userId\":7,")
                .matcher(nb.output("printFiles(race)"))
                .results()
                .count())
        .isEqualTo(2);
    assertThat(nb.output("restart(race)"))
        .satisfiesAnyOf(
            restarted ->
                assertThat(restarted)
                    .contains("3 | Last lamp | 2500 | 0", "orders after restart\nid | userId")
                    .endsWith("(1 row)\n"),
            interleaved -> assertThat(interleaved).contains("the store cannot restart"));
    assertThat(nb.output("FlatFileShop.open(torn"))
        .startsWith("org.txlab.course.CorruptFileException: [CORRUPT] orders.jsonl line 1");
    assertThat(nb.output("\"after-acks\""))
        .contains("acknowledged: order 3", "── orders.jsonl ──\n(empty)");
    assertThat(nb.output("restart(buffered)"))
        .contains("1 | Keyboard | 4999 | 10", "orders after restart\n(0 rows)");
    assertThat(nb.output("appendsPerSecond(costs"))
        .containsPattern("append only: [\\d,]+ orders/s append \\+ fsync: [\\d,]+ orders/s");
  }

  @Test
  void sqliteNotebookSurvivesTheSameCrashesAndRacesAndTheSolutionPassesItsSelfCheck()
      throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("02-sqlite-transaction.ipynb"));

    // Before COMMIT another connection sees nothing; after it, both writes.
    assertThat(
            nb.cells().stream().map(Notebook::text).filter(t -> t.contains("2 | Mouse | 1999 | 1")))
        .isNotEmpty();
    assertThat(nb.output("tx(src).placeOrder(8, 3, 1)"))
        .isEqualTo("java.lang.IllegalStateException: Insufficient stock\n");
    assertThat(nb.outputOfCell("state(Shop.source(crashDb));"))
        .contains("3 | Last lamp | 2500 | 1", "orders\n(0 rows)");
    assertThat(nb.output("killAt(\"after-return\")"))
        .contains("child answered: Order[id=1", "3 | Last lamp | 2500 | 0", "(1 row)");
    String threads = nb.output("Race.threads(8");
    assertThat(Pattern.compile(": Order\\[").matcher(threads).results().count()).isEqualTo(1);
    assertThat(Pattern.compile(": Insufficient stock").matcher(threads).results().count())
        .isEqualTo(7);
    assertThat(threads).contains("3 | Last lamp | 2500 | 0");
    assertThat(nb.output("Race.processes"))
        .containsPattern("result \\| Order\\[id=1")
        .contains("error | java.lang.IllegalStateException: Insufficient stock");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("5/5 public checks passed.", "hidden checks");
  }

  @Test
  void starterVersionOfTheSqliteNotebookRunsToTheEndAndFailsItsSelfCheck() throws Exception {
    Path reference = Notebook.folder().resolve("02-sqlite-transaction.ipynb");
    Path starter =
        Files.createDirectories(work.resolve("starter")).resolve(reference.getFileName());
    Files.writeString(starter, asStarter(Files.readString(reference)));

    Notebook nb = execute(starter);

    assertThat(Notebook.source(nb.tagged("exercise").get(0)))
        .contains("// TODO(place-order): implement placeOrder")
        .doesNotContain("BEGIN IMMEDIATE");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("0/5 public checks passed.", "UnsupportedOperationException");
  }

  @Test
  void acidNotebookShowsEachGuaranteeAndWhatSqliteJdbcReallyDoes() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("03-acid.ipynb"));

    assertThat(nb.output("c.rollback();")).contains("1 | Keyboard | 4999 | 10", "orders\n(0 rows)");
    assertThat(nb.output("SET stock = stock - 5 WHERE id = 2"))
        .startsWith("org.sqlite.SQLiteException: [SQLITE_CONSTRAINT_CHECK]");
    assertThat(nb.output("orders_in_this_transaction")).contains("\n1\n");
    assertThat(nb.output("sql(c2, \"ROLLBACK\")"))
        .contains("2 | Mouse | 1999 | 3", "orders\n(0 rows)");
    assertThat(nb.output("b's UPDATE failed after %d ms"))
        .contains("b's UPDATE failed", "getErrorCode() = 5", "getResultCode() = SQLITE_BUSY (5)");
    assertThat(nb.output("PRAGMA busy_timeout = 500"))
        .containsPattern("a's COMMIT failed after \\d+ ms: \\[SQLITE_BUSY\\]");
    assertThat(nb.output("System.out.println(\"b: \" + sql(b, \"ROLLBACK\"));"))
        .contains("a: COMMIT: ok", "3 | Last lamp | 2500 | 0");
    assertThat(nb.output("Path walShop"))
        .contains(
            "a: COMMIT: ok",
            "b's UPDATE failed: getErrorCode() = 5, getResultCode() = SQLITE_BUSY_SNAPSHOT (517)");
    assertThat(nb.output("CompletableFuture<String> bOrder"))
        .isEqualTo("b is still waiting: true\n");
    assertThat(nb.output("bOrder.get("))
        .containsPattern("b waited \\d+ ms for the lock, then saw\nstock\n-+\n0\n");
    // Oversell is probabilistic: the notebook reports how many races oversold, whatever it was.
    assertThat(nb.output("noTransaction(src, i)"))
        .containsPattern("the one lamp was sold more than once in \\d+ of 20 races");
    assertThat(nb.output("child: commit() returned"))
        .contains("exit code 137", "3 | Last lamp | 2500 | 0", "(1 row)");
    assertThat(nb.output("Path notDurable"))
        .contains("exit code 137", "3 | Last lamp | 2500 | 1", "orders\n(0 rows)");
    assertThat(nb.output("(0 OFF, 1 NORMAL")).contains("\ndelete\n", "\n2\n");
    assertThat(nb.output("Path walDb")).contains("\nwal\n", "\n2\n");
  }

  @Test
  void quizNotebookAnswersEveryQuestionAndProvesTheLessonsQuestionByRunningIt() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("04-quiz.ipynb"));

    List<String> verdicts = new ArrayList<>();
    for (JsonObject cell : nb.tagged("quiz")) {
      verdicts.add(Notebook.text(cell).strip());
    }
    assertThat(verdicts).hasSameSizeAs(QuizKey.questions());
    for (int i = 0; i < verdicts.size(); i++) {
      assertThat(verdicts.get(i)).startsWith("✘ " + QuizKey.questions().get(i) + ": not quite.");
    }
    assertThat(nb.output("run(q1, \"ROLLBACK\")")).contains("after ROLLBACK:\nid | email\n");
    assertThat(nb.output("run(q1, \"ROLLBACK\")")).endsWith("(0 rows)\n");
    assertThat(nb.output("run(q2, \"COMMIT\")")).contains("1 | ada@example.com", "(1 row)");
    assertThat(nb.output("close() with the transaction still open"))
        .contains("after reopening:")
        .endsWith("(0 rows)\n");
    assertThat(nb.output("double sqliteNs"))
        .containsPattern("per lookup HashMap.get: \\d+ ns SQLite: [\\d.]+ µs ratio: \\d+×");
    assertThat(nb.output("nanosPerRequest(\"/sqlite\", 500)"))
        .containsPattern("per request HashMap: \\d+ µs SQLite: \\d+ µs ratio: [\\d.]+×");
  }

  /** Turns the exercise cell into the student's starter, as the grader's starter tool does. */
  private static String asStarter(String notebookJson) {
    JsonObject json = JsonParser.parseString(notebookJson).getAsJsonObject();
    for (var element : json.getAsJsonArray("cells")) {
      JsonObject cell = element.getAsJsonObject();
      if (Notebook.tags(cell).contains("exercise")) {
        String source = Notebook.source(cell);
        Matcher region =
            Pattern.compile(
                    "(?m)^( *)// BEGIN SOLUTION place-order: (.+)\n(?s:.*?)^ *// END SOLUTION\n")
                .matcher(source);
        assertThat(region.find()).as("the exercise cell has a place-order region").isTrue();
        String indent = region.group(1);
        String hint = region.group(2);
        source =
            source.substring(0, region.start())
                + indent
                + "// TODO(place-order): "
                + hint
                + "\n"
                + indent
                + "throw new UnsupportedOperationException(\"place-order: "
                + hint
                + "\");\n"
                + source.substring(region.end());
        // Bare regions (helpers) are removed.
        source = source.replaceAll("(?ms)^ *// BEGIN SOLUTION\n.*?^ *// END SOLUTION\n", "");
        cell.addProperty("source", source);
      }
    }
    return json.toString();
  }

  /** Executes a notebook with nbconvert and the TxLab kernel and returns the executed copy. */
  private static Notebook execute(Path notebook) throws IOException, InterruptedException {
    String name = notebook.getFileName().toString();
    Path out = Files.createDirectories(work.resolve("out-" + name.replace(".ipynb", "")));
    Path log = out.resolve("nbconvert.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                JUPYTER,
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.kernel_name=txlab-java",
                "--ExecutePreprocessor.timeout=120",
                "--output-dir",
                out.toString(),
                notebook.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process process = pb.start();
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish within " + RUN_TIMEOUT_SECONDS + " s");
    }
    assertThat(process.exitValue())
        .as("nbconvert exit code for %s; its log ends with:%n%s", name, tail(log))
        .isZero();
    return Notebook.read(out.resolve(name));
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.substring(Math.max(0, text.length() - 4000));
  }
}
