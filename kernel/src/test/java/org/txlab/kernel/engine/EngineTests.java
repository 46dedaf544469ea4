package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineTests {

  private static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineConfig.defaults());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void returnsTheRealValueOfTheLastExpression() {
    EvalResult r = engine.eval("int x = 6;\nx * 7");
    assertThat(r.ok()).isTrue();
    assertThat(r.hasValue()).isTrue();
    assertThat(r.value()).contains(42);
  }

  @Test
  void returnsRealObjectsNotStrings() {
    EvalResult r = engine.eval("new StringBuilder(\"ab\").append(1)");
    assertThat(r.value()).get().isInstanceOf(StringBuilder.class);
  }

  @Test
  void statementsAndDeclarationsHaveNoValue() {
    assertThat(engine.eval("int unused = 3;").hasValue()).isFalse();
    assertThat(engine.eval("System.out.println(1);").hasValue()).isFalse();
  }

  @Test
  void capturesStdoutAndStderrPerCell() {
    List<String> streamed = new ArrayList<>();
    CellOutput out =
        new CellOutput() {
          @Override
          public void stdout(String text) {
            streamed.add(text);
          }
        };
    EvalResult r = engine.eval("System.out.println(\"hello\");\nSystem.err.print(\"oops\");", out);
    assertThat(r.stdout()).isEqualTo("hello" + System.lineSeparator());
    assertThat(r.stderr()).isEqualTo("oops");
    assertThat(String.join("", streamed)).isEqualTo(r.stdout());
    assertThat(engine.eval("1").stdout()).isEmpty();
  }

  @Test
  void keepsAtMostAMegabyteOfOutputButStreamsAll() {
    long[] streamed = {0};
    CellOutput out =
        new CellOutput() {
          @Override
          public synchronized void stdout(String text) {
            streamed[0] += text.length();
          }
        };
    EvalResult r =
        engine.eval(
            "String line = \"x\".repeat(1023) + \"\\n\";\n"
                + "for (int i = 0; i < 2048; i++) System.out.print(line);",
            out);
    assertThat(streamed[0]).isEqualTo(2048L * 1024);
    assertThat(r.stdout())
        .hasSize((1 << 20) + "\n[output truncated]\n".length())
        .endsWith("[output truncated]\n");
  }

  @Test
  void capturesOutputOfThreadsTheCellStarts() {
    EvalResult r =
        engine.eval(
            "Thread t = new Thread(() -> System.out.println(\"from thread\"));\n"
                + "t.start(); t.join();");
    assertThat(r.stdout()).contains("from thread");
  }

  @Test
  void keepsStateBetweenCells() {
    engine.eval("int counter = 1;");
    engine.eval("counter += 41;");
    assertThat(engine.eval("counter").value()).contains(42);
  }

  @Test
  void methodsAndRecordsCanBeDeclared() {
    EvalResult r =
        engine.eval(
            "record Point(int x, int y) {}\nint sum(Point p) { return p.x() + p.y(); }\n"
                + "sum(new Point(2, 3))");
    assertThat(r.error()).isEmpty();
    assertThat(r.value()).contains(5);
  }

  @Test
  void inspectsAMethodNameWithoutItsCall() {
    assertThat(engine.inspect("Math.max", 8, false))
        .hasValueSatisfying(text -> assertThat(text).contains("int Math.max(int a, int b)"));
    assertThat(engine.inspect("int n = Math.max(1, 2);", 16, false)).isPresent();
    assertThat(engine.inspect("   ", 3, false)).isEmpty();
  }
}
