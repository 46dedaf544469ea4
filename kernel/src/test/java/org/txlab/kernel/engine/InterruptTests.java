package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterruptTests {

  private static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineConfig.defaults());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** Runs a cell that prints "started" first, interrupting it once it has printed that. */
  private static EvalResult interruptOnceStarted(String cell) {
    CountDownLatch started = new CountDownLatch(1);
    CellOutput out =
        new CellOutput() {
          @Override
          public void stdout(String text) {
            if (text.contains("started")) {
              started.countDown();
            }
          }
        };
    CompletableFuture<EvalResult> result =
        CompletableFuture.supplyAsync(() -> engine.eval(cell, out));
    try {
      started.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    engine.interrupt();
    return result.join();
  }

  @Test
  void interruptStopsABusyLoop() {
    EvalResult r =
        interruptOnceStarted(
            "System.out.println(\"started\");\nlong n = 0;\nwhile (true) { n++; }");
    assertThat(r.error()).get().extracting(EvalError::kind).isEqualTo(EvalError.Kind.INTERRUPTED);
    assertThat(engine.eval("1 + 1").value()).contains(2);
  }

  @Test
  void interruptStopsALoopThatSwallowsInterrupts() {
    String cell =
        "System.out.println(\"started\");\n"
            + "while (true) {\n"
            + "  try { Thread.sleep(10); } catch (InterruptedException e) { /* ignored */ }\n"
            + "}";
    EvalResult r = interruptOnceStarted(cell);
    assertThat(r.error()).get().extracting(EvalError::kind).isEqualTo(EvalError.Kind.INTERRUPTED);
    assertThat(engine.eval("\"alive\"").value()).contains("alive");
  }

  @Test
  void interruptStopsALoopThatCatchesThrowable() {
    String cell =
        "System.out.println(\"started\");\n"
            + "while (true) {\n"
            + "  try { for (long i = 0; i < 1_000_000L; i++) { Math.sqrt(i); } }"
            + " catch (Throwable t) { }\n"
            + "}";
    EvalResult r = interruptOnceStarted(cell);
    assertThat(r.error()).get().extracting(EvalError::kind).isEqualTo(EvalError.Kind.INTERRUPTED);
  }

  @Test
  void interruptStopsThreadsTheCellStarted() {
    String cell =
        "Thread spinner = new Thread(() -> { while (true) { } });\n"
            + "spinner.start();\n"
            + "System.out.println(\"started\");\n"
            + "spinner.join();";
    EvalResult r = interruptOnceStarted(cell);
    assertThat(r.error()).isPresent();
    EvalResult alive = engine.eval("spinner.join(); spinner.isAlive()");
    assertThat(alive.value()).contains(false);
  }

  @Test
  void sleepingCellEndsWithTheRealInterruptedException() {
    EvalResult r = interruptOnceStarted("System.out.println(\"started\");\nThread.sleep(60_000);");
    EvalError e = r.error().orElseThrow();
    assertThat(e.ename()).isIn("java.lang.InterruptedException", "CellInterrupted");
  }

  @Test
  void interruptStopsTheRestOfTheCell() {
    // The interrupt arrives while the first snippet runs; the later snippets are compiled
    // afterwards but must not run. (CellRunnerTests covers an interrupt during compilation.)
    CountDownLatch first = new CountDownLatch(1);
    CellOutput out =
        new CellOutput() {
          @Override
          public void stdout(String text) {
            if (text.contains("first")) {
              engine.interrupt();
              first.countDown();
            }
          }
        };
    EvalResult r =
        engine.eval(
            "System.out.println(\"first\");\n"
                + "class Big { int f(int x) { return x * 2; } }\n"
                + "System.out.println(\"second\");",
            out);
    assertThat(first.getCount()).isZero();
    assertThat(r.error()).get().extracting(EvalError::kind).isEqualTo(EvalError.Kind.INTERRUPTED);
    assertThat(r.stdout()).doesNotContain("second");
  }

  @Test
  void interruptWhileIdleDoesNotAffectTheNextCell() {
    engine.interrupt();
    assertThat(engine.eval("3 * 3").value()).contains(9);
  }
}
