package org.txlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.course.Quiz;
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

  /** A crash report's row: every process-crash image recovered right. */
  private static final String ALL_OK_UNDER_PROCESS = "PROCESS \\| (\\d+) \\| \\1 \\| 0 \\| 0 \\| 0";

  @TempDir static Path work;

  private static Map<String, String> env;
  private static Path tmp;

  @BeforeAll
  static void installTheKernel() throws Exception {
    Path kernelJar = Path.of(System.getProperty("txlab.kernel.jar"));
    assertThat(kernelJar)
        .as("the kernel jar; build with mvn -pl notebooks -am verify")
        .isRegularFile();
    Path prefix = work.resolve("jupyter");
    tmp = Files.createDirectories(work.resolve("tmp"));
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
        .contains("child stopped at: between-appends", "killed with SIGKILL, exit code 137")
        .contains(
            "orders.jsonl | 0 B | 0 B | unchanged", "products.jsonl | 56 B | 112 B | changed");
    assertThat(nb.output("restart(crash)"))
        .contains("3 | Last lamp | 2500 | 0", "orders after restart\n(0 rows)");
    assertThat(nb.output("FlatFileProcess.race("))
        .containsPattern("result \\| order 1\nresult \\| order 1\n\\(2 rows\\)");
    assertThat(Notebook.hasImage(nb.cell("Timeline.render(\"Two app instances"))).isTrue();
    // Both orders were appended whole, both with id 1, one per user.
    assertThat(
            Pattern.compile("\\{\"id\":1,\"userId\":[78],\"productId\":3,\"quantity\":1\\}\n")
                .matcher(nb.output("printFiles(race)"))
                .results()
                .count())
        .isEqualTo(2);
    assertThat(nb.output("restart(race)"))
        .contains("3 | Last lamp | 2500 | 0", "orders after restart\nid | userId")
        .endsWith("(1 row)\n");
    assertThat(nb.output("unlocked.add(eightThreads("))
        .containsPattern("run 1: 8 threads, no lock \\| 40000 \\| 0 \\| 60000 \\| \\d+")
        .contains("(3 rows)");
    assertThat(nb.output("eightThreads(\"8 threads, synchronized\", true)"))
        .contains("8 threads, synchronized | 40000 | 0 | 60000 | 60000 | 60000 | 40000");
    assertThat(nb.output("\"buffered\", \"7\", \"1\", \"1\", \"3\""))
        .contains("acknowledged: order 3", "── orders.jsonl ──\n(empty)");
    assertThat(nb.output("restart(buffered)"))
        .contains("1 | Keyboard | 4999 | 10", "orders after restart\n(0 rows)");
    assertThat(nb.output("FlatFileShop.open(torn"))
        .startsWith("org.txlab.course.CorruptFileException: [CORRUPT] ")
        .contains("is not a complete JSON record");
    assertThat(nb.output("killAt(\"torn-order-line\")"))
        .contains("{\"id\":1,\"userId\":7,\"pro\n")
        .contains("✘ CorruptFileException: [CORRUPT] orders.jsonl line 1");
    assertThat(nb.output("appendsPerSecond(costs"))
        .containsPattern("file system: \\w+")
        .containsPattern(
            "append only: median [\\d,]+ orders/s \\(range [\\d,]+–[\\d,]+ orders/s, 5 runs\\)")
        .containsPattern("append \\+ fsync: median [\\d,]+ orders/s");
  }

  @Test
  void sqliteNotebookSurvivesTheSameCrashesAndRacesAndTheSolutionPassesItsSelfCheck()
      throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("02-sqlite-transaction.ipynb"));

    // Before COMMIT another connection sees nothing; after it, both writes.
    assertThat(
            nb.cells().stream().map(Notebook::text).filter(t -> t.contains("2 | Mouse | 1999 | 1")))
        .isNotEmpty();
    assertThat(nb.output("tx(shopSrc).placeOrder(8, 3, 1)"))
        .isEqualTo("✘ IllegalStateException: Insufficient stock\n");
    assertThat(nb.output("var beforeCrash"))
        .contains("child stopped at: after-stock-update", "exit code 137")
        .contains("shop.db | 16384 B | 16384 B | unchanged")
        .containsPattern("shop.db-journal \\| - \\| \\d+ B \\| new");
    assertThat(nb.output("bytes 0-7")).contains("bytes 0-7: 00 00 00 00 00 00 00 00");
    assertThat(nb.outputOfCell("state(Shop.source(crashDb));\nScratch.files(crashDb.getParent())"))
        .contains("3 | Last lamp | 2500 | 1", "orders\n(0 rows)", "shop.db-journal");
    assertThat(nb.output("killAt(\"after-return\")"))
        .contains("child answered: Order[id=1", "3 | Last lamp | 2500 | 0", "(1 row)")
        .doesNotContain("shop.db-journal");
    String threads = nb.output("Race.threads(8");
    assertThat(Pattern.compile(": Order\\[").matcher(threads).results().count()).isEqualTo(1);
    assertThat(
            Pattern.compile(": IllegalStateException: Insufficient stock")
                .matcher(threads)
                .results()
                .count())
        .isEqualTo(7);
    assertThat(threads).contains("3 | Last lamp | 2500 | 0");
    assertThat(Notebook.hasImage(nb.cell("rec.render("))).isTrue();
    assertThat(nb.output("Race.processes"))
        .containsPattern("result \\| Order\\[id=1")
        .contains("error | java.lang.IllegalStateException: Insufficient stock");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("Self-check of PlaceOrder (class fingerprint ", "declared in a notebook cell")
        .contains("9/9 public checks passed.", "15 more hidden checks run at grading:")
        .doesNotContain("✘");
    // Two of the student's own calls race: the second waits for the first, then is rejected.
    assertThat(nb.output("Interleaving.twoCalls("))
        .contains("call 1: Order[id=1, userId=300, productId=3, quantity=1]")
        .contains("call 2: InsufficientStockException: product 3: asked for 1 unit(s) but only 0")
        .contains("3 | Last lamp | 2500 | 0", "(1 row)");
    assertThat(Notebook.hasImage(nb.cell("yours.render("))).isTrue();
  }

  @Test
  void cartNotebookShowsHalfACartAndTheSolutionPassesItsSelfCheck() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("05-cart-checkout.ipynb"));

    assertThat(nb.output("Path perLine"))
        .contains("line 2: ✘ SQLiteException: [SQLITE_CONSTRAINT_CHECK]")
        .contains("1 | Keyboard | 4999 | 8", "2 | Mouse | 1999 | 3", "(1 row)");
    assertThat(nb.output("Path oneTransaction"))
        .contains("line 2: ✘ SQLiteException: [SQLITE_CONSTRAINT_CHECK]")
        .contains("1 | Keyboard | 4999 | 10", "orders\n(0 rows)");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("Self-check of Checkout (class fingerprint ")
        .contains("9/9 public checks passed.", "15 more hidden checks run at grading:")
        .doesNotContain("✘");
  }

  @Test
  void starterVersionOfTheCartNotebookRunsToTheEndAndFailsItsSelfCheck() throws Exception {
    Path reference = Notebook.folder().resolve("05-cart-checkout.ipynb");
    Path starter =
        Files.createDirectories(work.resolve("starter")).resolve(reference.getFileName());
    Files.writeString(starter, asStarter(Files.readString(reference)));

    Notebook nb = execute(starter);

    assertThat(Notebook.source(nb.tagged("exercise").get(0)))
        .contains("// TODO(cart-checkout): implement checkout")
        .doesNotContain("BEGIN IMMEDIATE");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("0/9 public checks passed.", "UnsupportedOperationException");
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
        .contains("0/9 public checks passed.", "UnsupportedOperationException");
    assertThat(nb.output("Interleaving.twoCalls("))
        .contains("call 1: UnsupportedOperationException: place-order: implement placeOrder");
    assertThat(nb.output("yours.render(")).contains("nothing to draw");
  }

  @Test
  void ownLogNotebookShowsWhatEachPatchIsForAndTheSolutionPassesItsSelfCheck() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("06-own-log.ipynb"));

    assertThat(nb.output("TxRun.run(naive, disk, orders)"))
        .contains("disk call 1 (create log)", "— commit 1", "— ack 3")
        .contains("stock-1=3\nstock-2=1\nCOMMIT\norder-1=user 7\n");
    assertThat(nb.output("record KindCount"))
        .containsPattern("PROCESS \\| \\d+")
        .containsPattern("REORDERED \\| [1-9]\\d*")
        .contains("(7 rows)");
    // Nothing forced: power losses lose acknowledged commits and tear transactions, a process
    // crash never does.
    assertThat(nb.output("CrashReport.of(NaiveLog::new, orders)"))
        .containsPattern("NaiveLog: 3 commits, 12 disk calls \\(0 force, 1 syncDir\\)")
        .containsPattern("\\d+ OK, [1-9]\\d* LOST, [1-9]\\d* TORN, 0 THREW")
        .containsPattern(ALL_OK_UNDER_PROCESS)
        .contains("first LOST: a crash right after", "first TORN: ");
    // A real SIGKILL before every disk call: the folder is the model's process image, and the
    // naive log recovers it right every time.
    String kills = nb.output("ProcessKills.atEveryCall(NaiveLog.class");
    assertThat(kills)
        .contains("before disk call 1 (create log) | 0 | true | {} | OK")
        .contains("after its last disk call | 3 | true |", "(13 rows)")
        .doesNotContain("| false |", "LOST", "TORN", "THREW");
    assertThat(Pattern.compile("\\| true \\|").matcher(kills).results().count()).isEqualTo(13);
    assertThat(nb.output("Path viaNio")).contains("the same files, byte for byte: true");
    assertThat(nb.output("CrashReport.of(ForcedLog::new, orders)"))
        .containsPattern("\\d+ OK, 0 LOST, [1-9]\\d* TORN, 0 THREW")
        .containsPattern("REORDERED \\| \\d+ \\| \\d+ \\| 0 \\| [1-9]");
    // A value with a newline: lost by the lines, kept by the frames.
    assertThat(nb.output("noteAfterARestart(ForcedLog::new)"))
        .contains("after a restart: {note-1=gift wrap, stock-1=2}");
    assertThat(nb.output("CrashReport.of(FramedLog::new, orders)"))
        .contains("after a restart: {note-1=gift wrap\\nplease, stock-1=2}")
        .containsPattern("\\d+ OK, 0 LOST, \\d+ TORN, \\d+ THREW")
        .doesNotContain("REORDERED", " 0 TORN, 0 THREW");
    assertThat(nb.output("CrashReport checked ="))
        .containsPattern("\\d+ OK, 0 LOST, 0 TORN, 0 THREW");
    // A commit after recovering a torn log: lost behind the torn frame, kept once it is cut.
    assertThat(nb.output("commitAfterTheCrash(CheckedLog::new"))
        .contains("committed: {order-1=user 7, order-3=user 9, stock-1=0, stock-2=1}")
        .contains("after a restart: {order-1=user 7, stock-1=2, stock-2=1}");
    assertThat(nb.output("commitAfterTheCrash(CuttingLog::new"))
        .contains("after a restart: {order-1=user 7, order-3=user 9, stock-1=0, stock-2=1}");
    assertThat(nb.output("CrashReport.of(CuttingLog::new, orders)"))
        .containsPattern("\\d+ OK, 0 LOST, 0 TORN, 0 THREW")
        .contains("a crash at any disk call of a recovery still recovered right");
    assertThat(nb.output("many.commit(")).contains("after 1,000 commits: log (");
    assertThat(nb.output("record Rotation"))
        .containsPattern("log emptied first \\| \\d+ \\| \\d+ \\| [1-9]\\d* \\| \\d+ \\| PROCESS")
        .containsPattern(
            "data.next not forced \\| \\d+ \\| \\d+ \\| [1-9]\\d* \\| \\d+ \\| DROPPED")
        .containsPattern("no syncDir \\| \\d+ \\| \\d+ \\| [1-9]\\d* \\| \\d+ \\| NAMES")
        .containsPattern("all five steps \\| (\\d+) \\| \\1 \\| 0 \\| 0 \\| -");
    assertThat(nb.output("rotations.get(2)"))
        .contains("first LOST: ", "power loss before syncDir: data is missing");
    assertThat(nb.output("rotated.checkpoint()"))
        .containsPattern("after it: data \\(\\d+ bytes\\), log \\(0 bytes\\), for 2 keys");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("Self-check of TxStore (class fingerprint ", "declared in a notebook cell")
        .contains("6/6 public checks passed.", "more hidden checks run at grading:")
        .doesNotContain("✘");
    assertThat(nb.output("CrashReport yours"))
        .contains("TxStore: 4 commits, ", "1 force + syncDir per commit")
        .containsPattern("\\d+ OK, 0 LOST, 0 TORN, 0 THREW");
    String perCommit = nb.output("record PerCommit");
    assertThat(perCommit).contains("your TxStore | 1.0 | force and syncDir calls");
    if (Files.isExecutable(Path.of("/usr/bin/strace"))) {
      assertThat(perCommit)
          .contains("SQLite DELETE / FULL | 4.0 | strace: journal, folder, journal, database")
          .contains("SQLite WAL / FULL | 1.0 | strace: -wal file");
    } else {
      assertThat(perCommit).contains("estimated");
    }
  }

  @Test
  void starterVersionOfTheOwnLogNotebookRunsToTheEndAndFailsItsSelfCheck() throws Exception {
    Path reference = Notebook.folder().resolve("06-own-log.ipynb");
    Path starter =
        Files.createDirectories(work.resolve("starter")).resolve(reference.getFileName());
    Files.writeString(starter, asStarter(Files.readString(reference)));

    Notebook nb = execute(starter);

    assertThat(Notebook.source(nb.tagged("exercise").get(0)))
        .contains("// TODO(txlog): implement recover", "// TODO(txlog): implement checkpoint")
        .doesNotContain("BEGIN SOLUTION", "CRC32 crc");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("0/6 public checks passed.", "UnsupportedOperationException");
    assertThat(nb.output("CrashReport yours"))
        .contains(
            "not crashed: recover() on an empty disk threw"
                + " java.lang.UnsupportedOperationException: txlog: implement recover");
    assertThat(nb.output("record PerCommit")).contains("your TxStore | - | not run: ");
    // The demonstrations before the exercise do not depend on it.
    assertThat(nb.output("CrashReport.of(CuttingLog::new, orders)"))
        .containsPattern("\\d+ OK, 0 LOST, 0 TORN, 0 THREW");
  }

  @Test
  void everyCellOfTheOwnLogNotebookCanRunTwice() throws Exception {
    Notebook twice = execute(repeated("06-own-log.ipynb", ""));

    for (JsonObject check : twice.tagged("self-check")) {
      assertThat(Notebook.text(check)).contains("6/6 public checks passed.");
    }
    assertThat(twice.tagged("self-check")).hasSize(2);
    assertThat(
            twice.cells().stream()
                .map(Notebook::text)
                .filter(t -> t.contains("after its last disk call | 3 | true |")))
        .as("both runs of the SIGKILL cell")
        .hasSize(2);
    assertThat(
            twice.cells().stream()
                .map(Notebook::text)
                .filter(t -> t.contains("order-3=user 9, stock-1=0, stock-2=1}\n"))
                .filter(t -> t.contains("after a restart: {order-1=user 7, order-3=")))
        .as("both runs of the torn-tail repair")
        .hasSize(2);
  }

  @Test
  void patternsNotebookRunsEachPatternsCrashAndTheSolutionPassesItsSelfCheck() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("08-patterns.ipynb"));

    // Retried after a SIGKILL between COMMIT and the reply: the absolute write lands once, the
    // relative one twice.
    assertThat(nb.output("retryAfterLostReply(\"setStock\", 5)"))
        .contains("setStock(1, 5), attempt 1: committed, killed before the reply; keyboards: 5")
        .contains("setStock(1, 5), attempt 2, the retry: done; keyboards: 5")
        .contains(
            "decrementStock(1, 1), attempt 1: committed, killed before the reply; keyboards: 9")
        .contains("decrementStock(1, 1), attempt 2, the retry: done; keyboards: 8");
    assertThat(nb.output("Path keyedDb"))
        .contains("attempt 2, the retry with the same key: order 1")
        .containsPattern("order-7f3a \\| user 7, product 1, quantity 1 \\| 1\n\\(1 row\\)")
        .containsPattern("1 +\\| 7 +\\| 1 +\\| 1\n\\(1 row\\)")
        .contains("keyboards: 9");
    assertThat(nb.output("CyclicBarrier together"))
        .contains("call 1 with key order-b812: order 2", "call 2 with key order-b812: order 2")
        .contains("orders_of_user_8\n----------------\n1\n")
        .contains("key order-b812 with quantity 3: ✘ KeyReusedException: ")
        .contains("mice: 2")
        .doesNotContain("mice: 1");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("Self-check of IdempotentPlaceOrder (class fingerprint ")
        .contains("6/6 public checks passed.", "more hidden checks run at grading:")
        .doesNotContain("✘");
    assertThat(Notebook.text(nb.tagged("self-check").get(1)))
        .contains("Self-check of OutboxPlaceOrder (class fingerprint ")
        .contains("5/5 public checks passed.", "more hidden checks run at grading:")
        .doesNotContain("✘");
    assertThat(Notebook.text(nb.tagged("self-check").get(2)))
        .contains("Self-check of PaymentCheckout (class fingerprint ")
        .contains("5/5 public checks passed.", "more hidden checks run at grading:")
        .doesNotContain("✘");
    // Event sourcing: the fold after a crash, a projection caught up once, one winner per version.
    assertThat(nb.output("EventLog.create(es)"))
        .containsPattern("product-1 +\\| 3 +\\| 7 +\\| 2")
        .containsPattern("product-3 +\\| 1 +\\| 1 +\\| 0");
    assertThat(nb.output("Path projected"))
        .contains("the child stopped at after-append-3: SIGKILL")
        .contains("after the crash: fold Stock[stream=product-1, version=4, stock=7, orders=3]")
        .contains("view [Row[stream=product-1, stock=8, orders=2]], checkpoint at position 3")
        .contains("catch-up: 1 event(s) applied, view [Row[stream=product-1, stock=7,")
        .contains("catch-up again: 0 event(s) applied, view [Row[stream=product-1, stock=7,")
        .contains("rebuild: 4 event(s) applied, view [Row[stream=product-1, stock=7,");
    assertThat(nb.output("Connection a = lastLamp.open()"))
        .contains("A appends at version 2: ✔ appended")
        .contains("B appends at version 2: ✘ WrongExpectedVersion: product-3: expected version 1")
        .contains("B reads again and retries: ✘ IllegalStateException: product-3: 1 wanted, 0 left")
        .contains("the fold: Stock[stream=product-3, version=2, stock=0, orders=1]");
    // Outbox: killed between the order and its message, neither; killed between the send and the
    // mark, delivered twice, shipped once by the deduping consumer.
    assertThat(nb.output("Path outboxDb"))
        .contains("the child stopped at between-order-and-message: SIGKILL")
        .containsPattern("orders \\| messages \\| keyboards\n[-+]+\n0 +\\| 0 +\\| 10 *\n");
    assertThat(nb.output("ScriptedSink refusing"))
        .contains("run 1:\n message 2: ", " marked 1\nrun 2:\n marked 2\n")
        .contains("send 2: message 2, REFUSE\nsend 3: message 2, ACK\nsend 4: message 3, ACK");
    assertThat(nb.output("List.of(34, 35, 36)"))
        .contains("the relay stopped at sink: message 5 arrived, before the ack: SIGKILL")
        .containsPattern("4 +\\| 4 +\\| 1 *\n5 +\\| 5 +\\| 0 *\n6 +\\| 6 +\\| 0")
        .contains("the relay restarted: marked 2")
        .contains("the broker received messages 1, 2, 3, 4, 5, 5, 6\n");
    assertThat(nb.output("class Warehouse"))
        .contains("applying every delivery: 7 shipments for 6 orders")
        .contains("deduping by message id: 6 shipments for 6 orders")
        .contains("orders placed in the shop: 6");
    // Compensation: cancelled and restocked once, also when retried and after a killed
    // compensator; the late charge voided; the window in which others see the reduced stock.
    assertThat(nb.output("ScriptedPayments paying"))
        .contains("order 1 paid\n", "order 2 not paid (PaymentDeclinedException): compensated")
        .contains("compensation of order 2 again (a retry): nothing to do")
        .containsPattern("1 +\\| 41 +\\| 1 +\\| 2 +\\| PAID")
        .containsPattern("2 +\\| 42 +\\| 1 +\\| 3 +\\| CANCELLED")
        .contains("keyboards: 8\n");
    assertThat(nb.output("sagaShop(\"late\")"))
        .contains("order 1 not paid (PaymentTimeoutException): compensated")
        .contains("the late answers land: 0 charge(s)\n", "the late answers land: 1 charge(s)\n")
        .containsPattern("refund, then cancel +\\| NONE +\\| true +\\| 0")
        .containsPattern("cancel without the refund \\| CHARGED +\\| false +\\| 1999");
    assertThat(nb.output("for (String how"))
        .contains(
            "in two transactions, killed at restocked-not-cancelled: keyboards 10, order PENDING\n"
                + " resume: settled 1; keyboards 12, order CANCELLED\n"
                + " resume again: settled 0; keyboards 12\n")
        .contains(
            "in one transaction, killed at cancelled-not-restocked: keyboards 8, order PENDING\n"
                + " resume: settled 1; keyboards 10, order CANCELLED\n"
                + " resume again: settled 0; keyboards 10\n");
    assertThat(nb.output("sagaShop(\"window\")"))
        .contains("during the charge, lamps in stock: 0\n")
        .contains("during the charge, customer 46 orders the lamp: ✘ InsufficientStockException")
        .contains("after the compensation, lamps in stock: 1\n")
        .containsPattern("1 +\\| 45 +\\| 3 +\\| 1 +\\| CANCELLED");
    List<JsonObject> quiz = nb.tagged("quiz");
    assertThat(quiz).hasSize(8);
    for (JsonObject cell : quiz) {
      assertThat(Notebook.text(cell)).containsPattern("^… [a-z-]+: not answered yet\\.");
    }
  }

  @Test
  void starterVersionOfThePatternsNotebookRunsToTheEndAndFailsItsSelfCheck() throws Exception {
    Path reference = Notebook.folder().resolve("08-patterns.ipynb");
    Path starter =
        Files.createDirectories(work.resolve("starter")).resolve(reference.getFileName());
    Files.writeString(starter, asStarter(Files.readString(reference)));

    Notebook nb = execute(starter);

    assertThat(Notebook.source(nb.tagged("exercise").get(0)))
        .contains("// TODO(idempotent-checkout): implement placeOrder")
        .doesNotContain("BEGIN SOLUTION", "BEGIN IMMEDIATE", "idempotency_keys");
    assertThat(Notebook.text(nb.tagged("self-check").get(0)))
        .contains("0/6 public checks passed.", "UnsupportedOperationException");
    assertThat(Notebook.source(nb.tagged("exercise").get(2)))
        .contains("// TODO(outbox): implement runOnce")
        .doesNotContain("BEGIN SOLUTION", "UPDATE outbox");
    assertThat(Notebook.source(nb.tagged("exercise").get(3)))
        .contains(
            "// TODO(compensation): implement checkout", "// TODO(compensation): implement resume")
        .doesNotContain("BEGIN SOLUTION");
    for (int i = 1; i <= 2; i++) {
      assertThat(Notebook.text(nb.tagged("self-check").get(i)))
          .contains("0/5 public checks passed.", "UnsupportedOperationException");
    }
    // The demonstrations after the exercise do not depend on it.
    assertThat(nb.output("for (String how")).contains("keyboards 12\n", "keyboards 10\n");
  }

  @Test
  void everyCellOfThePatternsNotebookCanRunTwice() throws Exception {
    Notebook twice = execute(repeated("08-patterns.ipynb", ""));

    assertThat(twice.tagged("self-check")).hasSize(6);
    for (JsonObject check : twice.tagged("self-check")) {
      assertThat(Notebook.text(check)).containsPattern("(\\d)/\\1 public checks passed\\.");
    }
    for (String shown :
        List.of(
            "decrementStock(1, 1), attempt 2, the retry: done; keyboards: 8",
            "attempt 2, the retry with the same key: order 1",
            "rebuild: 4 event(s) applied, view [Row[stream=product-1, stock=7,",
            "B appends at version 2: ✘ WrongExpectedVersion",
            "the child stopped at between-order-and-message: SIGKILL",
            "the relay stopped at sink: message ",
            "deduping by message id: ",
            "resume: settled 1; keyboards 12, order CANCELLED",
            "after the compensation, lamps in stock: 1")) {
      assertThat(twice.cells().stream().map(Notebook::text).filter(t -> t.contains(shown)))
          .as("both runs of the cell that shows: %s", shown)
          .hasSize(2);
    }
    // The second run of the keyed cells finds the key the first stored: still one order.
    assertThat(
            twice.cells().stream()
                .map(Notebook::text)
                .filter(t -> t.contains("call 2 with key order-b812: order 2")))
        .hasSize(2)
        .allSatisfy(t -> assertThat(t).contains("orders_of_user_8\n----------------\n1\n"));
  }

  @Test
  void acidNotebookShowsEachGuaranteeAndWhatSqliteJdbcReallyDoes() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("03-acid.ipynb"));

    assertThat(nb.output("c.rollback();")).contains("1 | Keyboard | 4999 | 10", "orders\n(0 rows)");
    assertThat(nb.output("Connection mixed"))
        .contains(
            "✘ SQLiteException: [SQLITE_ERROR]", "cannot start a transaction within a transaction");
    assertThat(nb.output("TransactionMode.IMMEDIATE"))
        .contains(
            "before setAutoCommit(false): others can write: true",
            "after setAutoCommit(false), no statement yet: others can write: false",
            "after commit(): others can write: false",
            "after close(): others can write: true");
    assertThat(nb.output("SET stock = stock - 5 WHERE id = 2"))
        .startsWith("✘ SQLiteException: [SQLITE_CONSTRAINT_CHECK]");
    assertThat(nb.output("orders_in_this_transaction")).contains("\n1\n");
    assertThat(nb.output("sql(c2, \"ROLLBACK\")"))
        .contains("2 | Mouse | 1999 | 3", "orders\n(0 rows)");
    assertThat(nb.output("Attempt<String> bUpdate"))
        .containsPattern("✘ SQLiteException: \\[SQLITE_BUSY\\] .* \\(after \\d+ ms\\)")
        .contains("getErrorCode() = 5", "getResultCode() = SQLITE_BUSY (5)");
    assertThat(nb.output("PRAGMA busy_timeout = 500"))
        .containsPattern("✘ SQLiteException: \\[SQLITE_BUSY\\] .* \\(after \\d+ ms\\)");
    assertThat(nb.output("System.out.println(\"b: \" + sql(b, \"ROLLBACK\"));"))
        .contains("a: COMMIT: ok", "3 | Last lamp | 2500 | 0");
    assertThat(Notebook.hasImage(nb.cell("locks.render(\"Deferred"))).isTrue();
    assertThat(nb.output("Path walShop"))
        .contains(
            "a: COMMIT: ok",
            "b's UPDATE failed: getErrorCode() = 5, getResultCode() = SQLITE_BUSY_SNAPSHOT (517)");
    assertThat(nb.output("CompletableFuture<String> bOrder"))
        .isEqualTo("b is still waiting: true\n");
    assertThat(nb.output("bOrder.get("))
        .containsPattern("b waited \\d+ ms for the lock, then saw\nstock\n-+\n0\n");
    assertThat(Notebook.hasImage(nb.cell("Timeline.render(\"BEGIN IMMEDIATE"))).isTrue();
    assertThat(nb.output("conditionalOrder(condSrc"))
        .containsPattern(": ordered\n")
        .containsPattern(": out of stock\n")
        .contains("(1 row)");
    // Oversell is probabilistic: the notebook reports how many races oversold, whatever it was.
    assertThat(nb.output("noTransaction(oversellSrc, i)"))
        .containsPattern("the one lamp was sold more than once in \\d+ of 50 races");
    assertThat(nb.output("Connection shared ="))
        .contains("A rolled back; B committed its order", "1 | Keyboard | 4999 | 9")
        .contains("2 | Mouse | 1999 | 2", "(1 row)");
    assertThat(nb.output("child: commit() returned"))
        .contains("exit code 137", "3 | Last lamp | 2500 | 0", "(1 row)");
    assertThat(nb.output("var beforeKill"))
        .contains("exit code 137", "shop.db | 16384 B | 16384 B | unchanged");
    assertThat(nb.outputOfCell("state(Shop.source(notDurable));"))
        .contains("3 | Last lamp | 2500 | 1", "orders\n(0 rows)");
    assertThat(nb.output("(0 OFF, 1 NORMAL")).contains("\ndelete\n", "\n2\n");
    assertThat(nb.output("Path walDb")).contains("\nwal\n", "\n2\n");
  }

  @Test
  void reRunningTheCellsThatOpenConnectionsLeavesNoLockBehind() throws Exception {
    // Each cell that opens a connection and begins a transaction runs twice, as students do.
    Notebook two =
        execute(
            repeated(
                "02-sqlite-transaction.ipynb",
                "Connections.open(\"c\", src)",
                "Interleaving.twoCalls(",
                "SelfCheck.placeOrder("));
    Notebook five =
        execute(repeated("05-cart-checkout.ipynb", "Connections.open(\"cart\"", "SelfCheck."));
    Notebook three =
        execute(
            repeated(
                "03-acid.ipynb",
                "Connections.open(\"c2\", src)",
                "Connections.open(\"a\", locks.watch"));

    assertThat(two.output("tx(shopSrc).placeOrder(8, 3, 1)"))
        .isEqualTo("✘ IllegalStateException: Insufficient stock\n");
    assertThat(two.output("Race.threads(8")).contains("3 | Last lamp | 2500 | 0");
    for (JsonObject check : two.tagged("self-check")) {
      assertThat(Notebook.text(check)).contains("9/9 public checks passed.");
    }
    assertThat(two.cells().stream().map(Notebook::text).filter(t -> t.contains("call 2: Insuff")))
        .hasSize(2);
    assertThat(
            five.cells().stream()
                .map(Notebook::text)
                .filter(t -> t.contains("line 2: ✘") && t.contains("1 | Keyboard | 4999 | 10")))
        .as("both runs of the one-transaction cart wrote nothing")
        .hasSize(2);
    for (JsonObject check : five.tagged("self-check")) {
      assertThat(Notebook.text(check)).contains("9/9 public checks passed.");
    }
    assertThat(three.output("sql(c2, \"ROLLBACK\")")).contains("orders\n(0 rows)");
    assertThat(three.output("bOrder.get(")).contains("then saw\nstock\n-----\n0\n");
  }

  @Test
  void quizNotebookRecordsGradedAnswersAndChecksPracticeOnes() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("04-quiz.ipynb"));

    List<JsonObject> quiz = nb.tagged("quiz");
    assertThat(quiz).isNotEmpty();
    for (JsonObject cell : quiz) {
      assertThat(Notebook.text(cell)).containsPattern("^… [a-z-]+: not answered yet\\.");
    }
    assertThat(nb.output("run(c, \"ROLLBACK\")"))
        .contains("second INSERT: ✘ SQLiteException: [SQLITE_CONSTRAINT_UNIQUE]")
        .contains("after ROLLBACK:\nid | email\n")
        .endsWith("(0 rows)\n");
    assertThat(nb.output("run(c, \"COMMIT\")")).contains("1 | ada@example.com", "(1 row)");
    assertThat(nb.output("close() with the transaction still open"))
        .contains("after reopening:")
        .endsWith("(0 rows)\n");
    assertThat(nb.output("Quiz.score()"))
        .contains("Practice questions: 0 of " + Quiz.practice().size() + " right")
        .contains("Graded questions: 0 of " + Quiz.graded().size() + " answered");

    Notebook answered = execute(answered("04-quiz.ipynb"));

    for (JsonObject cell : answered.tagged("quiz")) {
      String id = id(cell);
      String shown = Notebook.text(cell);
      if (Quiz.graded().contains(id)) {
        assertThat(shown).startsWith("✎ " + id + ": \"B\" recorded.").contains("graded");
      } else {
        assertThat(shown)
            .startsWith("✔ " + id + ": right. ")
            .contains(org.txlab.course.Messages.get("quiz." + id + ".why").substring(0, 30));
      }
    }
    assertThat(answered.output("Quiz.score()"))
        .contains("Practice questions: 3 of " + Quiz.practice().size() + " right")
        .contains("Graded questions: 9 of " + Quiz.graded().size() + " answered");
  }

  @Test
  void costNotebookMeasuresEachClaimWithItsSpreadAndClosesTheLesson() throws Exception {
    Notebook nb = execute(Notebook.folder().resolve("07-what-it-costs.ipynb"));

    assertThat(nb.output("Scratch.fileSystem(costs)")).startsWith("measuring in a folder on ");
    assertThat(nb.output("Bench.Sample mapLookup"))
        .containsPattern("HashMap.get \\| [\\d.]+ µs \\| [\\d.]+–[\\d.]+ \\| 7")
        .containsPattern("SQLite primary-key SELECT \\| [\\d.]+ µs")
        .containsPattern("per lookup, SQLite ÷ HashMap \\| [\\d.,]+ ×");
    assertThat(nb.output("Bench.Sample mapRequest"))
        .containsPattern("HTTP request → HashMap \\| [\\d.,]+ µs")
        .containsPattern(
            "per request, SQLite ÷ HashMap \\| [\\d.,]+ × \\| [\\d.,]+–[\\d.,]+ \\| 7");
    assertThat(Notebook.hasImage(nb.cell("Charts.spread(\"One lookup"))).isTrue();
    assertThat(nb.output("TieredStopAtLevel")).contains("[-XX:TieredStopAtLevel=1]");
    assertThat(nb.output("List<Bench.Sample> writes"))
        .contains("JSONL append + fsync", "SQLite WAL / NORMAL", "1,000 per transaction")
        .contains("(7 rows)");
    assertThat(Notebook.hasImage(nb.cell("Charts.spread(\"Orders per second"))).isTrue();
    String fsyncs = nb.output("Fsyncs.perCommit(");
    if (Files.isExecutable(Path.of("/usr/bin/strace"))) {
      assertThat(fsyncs)
          .contains("DELETE | FULL | 200 | 4.0 | journal, folder, journal, database | strace")
          .contains("DELETE | NORMAL | 200 | 3.0 | journal, folder, database | strace")
          .contains("WAL | FULL | 200 | 1.0 | -wal file | strace")
          .contains("WAL | NORMAL | 200 | 0.0 | - | strace");
    } else {
      assertThat(fsyncs).contains("estimated");
    }
    assertThat(nb.output("record Durability"))
        .contains("WAL / NORMAL", "can lose the last commits");
    assertThat(nb.output("\"WAL:NORMAL\", \"100\""))
        .contains("child: committed=100", "exit code 137", "orders after reopening: 100");
    assertThat(nb.output("record Independent"))
        .contains("no transaction | 400 | 400 | 400 | 0")
        .contains("one appended line per request | 4000 | 4000 | 4000 | 0");
    for (JsonObject cell : nb.tagged("quiz")) {
      assertThat(Notebook.text(cell)).containsPattern("^… [a-z-]+: not answered yet\\.");
    }
    assertThat(nb.output("Quiz.score()")).contains("Practice questions: 0 of");

    // The charts as a reader of nbconvert's HTML sees them: embedded, and drawn by a browser.
    Path html = toHtml(work.resolve("out-07-what-it-costs/07-what-it-costs.ipynb"));
    long charts = nb.codeCells().stream().filter(Notebook::hasImage).count();
    assertThat(charts).as("cells of 07 that show a chart").isGreaterThanOrEqualTo(2);
    assertThat(
            Pattern.compile("<img src=\"data:image/png;base64,")
                .matcher(Files.readString(html))
                .results()
                .count())
        .as("charts embedded in 07's HTML")
        .isGreaterThanOrEqualTo(charts);
    Path shot = screenshot(html, Path.of("target", "notebook-html", "07-what-it-costs.png"));
    assertThat(Files.size(shot)).as("size of the screenshot of 07's HTML").isGreaterThan(50_000);
  }

  /** Converts an executed notebook to HTML with nbconvert, next to it. */
  private static Path toHtml(Path executed) throws IOException, InterruptedException {
    Path log = executed.resolveSibling("html.log");
    Process p =
        new ProcessBuilder(JUPYTER, "nbconvert", "--to", "html", executed.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("nbconvert --to html finished").isTrue();
    assertThat(p.exitValue()).as("nbconvert --to html; its log:%n%s", tail(log)).isZero();
    return executed.resolveSibling(executed.getFileName().toString().replace(".ipynb", ".html"));
  }

  /**
   * Saves a screenshot of a whole HTML page drawn by headless Chromium, for a person to look at
   * (under {@code notebooks/target/notebook-html/}).
   */
  private static Path screenshot(Path html, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    Path log = html.resolveSibling("chromium.log");
    Process p =
        new ProcessBuilder(
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--user-data-dir=" + html.resolveSibling("chromium-profile"),
                "--window-size=1280,14000",
                "--screenshot=" + png.toAbsolutePath(),
                html.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium --screenshot finished").isTrue();
    assertThat(png).as("the screenshot; chromium's log:%n%s", tail(log)).isRegularFile();
    return png;
  }

  /** The id a quiz cell answers. */
  private static String id(JsonObject cell) {
    Matcher m = Pattern.compile("Quiz\\.answer\\(\"([a-z-]+)\"").matcher(Notebook.source(cell));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** A copy of a notebook in which every cell containing one of the texts runs twice. */
  private static Path repeated(String name, String... cellsContaining) throws IOException {
    JsonObject json =
        JsonParser.parseString(Files.readString(Notebook.folder().resolve(name))).getAsJsonObject();
    JsonArray cells = new JsonArray();
    for (var element : json.getAsJsonArray("cells")) {
      cells.add(element);
      String source = Notebook.source(element.getAsJsonObject());
      for (String text : cellsContaining) {
        if (source.contains(text)) {
          JsonObject again = element.getAsJsonObject().deepCopy();
          again.addProperty("id", again.get("id").getAsString() + "-again");
          cells.add(again);
        }
      }
    }
    json.add("cells", cells);
    Path copy = Files.createDirectories(work.resolve("repeated")).resolve(name);
    Files.writeString(copy, json.toString());
    return copy;
  }

  /** A copy of a notebook with every practice question answered right and every graded one B. */
  private static Path answered(String name) throws IOException {
    JsonObject json =
        JsonParser.parseString(Files.readString(Notebook.folder().resolve(name))).getAsJsonObject();
    for (var element : json.getAsJsonArray("cells")) {
      JsonObject cell = element.getAsJsonObject();
      if (Notebook.tags(cell).contains("quiz")) {
        String id = id(cell);
        // Practice answers may be checked locally; graded ones are only recorded.
        String letter =
            Quiz.practice().contains(id)
                ? Quiz.LETTERS.stream()
                    .filter(l -> QuizKey.isCorrect(id, l))
                    .findFirst()
                    .orElseThrow()
                : "B";
        cell.addProperty("source", "Quiz.answer(\"" + id + "\", \"" + letter + "\")");
      }
    }
    Path copy = Files.createDirectories(work.resolve("answered")).resolve(name);
    Files.writeString(copy, json.toString());
    return copy;
  }

  /** Turns the exercise cell into the student's starter, as the grader's starter tool does. */
  private static String asStarter(String notebookJson) {
    JsonObject json = JsonParser.parseString(notebookJson).getAsJsonObject();
    for (var element : json.getAsJsonArray("cells")) {
      JsonObject cell = element.getAsJsonObject();
      if (Notebook.tags(cell).contains("exercise")) {
        Matcher region =
            Pattern.compile(
                    "(?m)^( *)// BEGIN SOLUTION ([a-z-]+): (.+)\n(?s:.*?)^ *// END SOLUTION\n")
                .matcher(Notebook.source(cell));
        StringBuilder stubbed = new StringBuilder();
        int regions = 0;
        // Every region with a hint becomes a stub (02 and 05 have one, 06 one per method).
        while (region.find()) {
          regions++;
          String indent = region.group(1);
          String exercise = region.group(2);
          String hint = region.group(3);
          region.appendReplacement(
              stubbed,
              Matcher.quoteReplacement(
                  indent
                      + "// TODO("
                      + exercise
                      + "): "
                      + hint
                      + "\n"
                      + indent
                      + "throw new UnsupportedOperationException(\""
                      + exercise
                      + ": "
                      + hint
                      + "\");\n"));
        }
        region.appendTail(stubbed);
        assertThat(regions).as("the exercise cell has an exercise's region").isPositive();
        String source = stubbed.toString();
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
    long start = System.nanoTime();
    Process process = pb.start();
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish within " + RUN_TIMEOUT_SECONDS + " s");
    }
    assertThat(process.exitValue())
        .as("nbconvert exit code for %s; its log ends with:%n%s", name, tail(log))
        .isZero();
    Notebook nb = Notebook.read(out.resolve(name));
    System.out.printf("%s ran in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    for (JsonObject cell : nb.codeCells()) {
      String text = Notebook.text(cell);
      assertThat(text)
          .as("output of a cell of %s holds no temp path:%n%s", name, Notebook.source(cell))
          .doesNotContain(tmp.toString(), work.toString(), "/tmp/");
      assertThat(text)
          .as("output of a cell of %s holds no object identity (a value shown by mistake)", name)
          .doesNotContainPattern("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*@[0-9a-f]{5,}");
      assertThat(Notebook.stderr(cell)).as("stderr of a cell of %s", name).isEmpty();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("what %s left in the temp folder after its kernel shut down", name)
          .isEmpty();
    }
    return nb;
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.substring(Math.max(0, text.length() - 4000));
  }
}
