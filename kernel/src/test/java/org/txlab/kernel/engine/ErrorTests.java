package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorTests {

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
  void runtimeErrorReportsTheRealExceptionClassAndMessage() {
    EvalError e = engine.eval("int a = 1;\nint b = 0;\nint c = a / b;").error().orElseThrow();
    assertThat(e.kind()).isEqualTo(EvalError.Kind.RUNTIME);
    assertThat(e.ename()).isEqualTo("java.lang.ArithmeticException");
    assertThat(e.evalue()).isEqualTo("/ by zero");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.traceback().get(0)).isEqualTo("java.lang.ArithmeticException: / by zero");
  }

  @Test
  void tracebackMapsMethodLinesToCellLinesAndDropsKernelFrames() {
    String cell =
        "// a comment\n"
            + "int parse(String s) {\n"
            + "  return Integer.parseInt(s);\n"
            + "}\n"
            + "\n"
            + "parse(\"x1\")";
    EvalError e = engine.eval(cell).error().orElseThrow();
    assertThat(e.ename()).isEqualTo("java.lang.NumberFormatException");
    assertThat(e.evalue()).contains("x1");
    assertThat(e.traceback())
        .anyMatch(l -> l.contains("at parse (line 3)"))
        .anyMatch(l -> l.contains("at cell (line 6)"))
        .noneMatch(l -> l.contains("jdk.jshell") || l.contains("org.txlab.kernel"))
        .noneMatch(l -> l.contains("java.lang.reflect.Method.invoke"));
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void framesInEarlierCellsNameThatCell() {
    engine.eval("\nvoid fail(String why) {\n  throw new IllegalArgumentException(why);\n}");
    EvalError e = engine.eval("int n = 1;\nfail(\"no\");").error().orElseThrow();
    assertThat(e.ename()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(e.traceback())
        .anyMatch(l -> l.matches("    at fail \\(cell \\d+, line 3\\)"))
        .anyMatch(l -> l.equals("    at cell (line 2)"));
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void unresolvedReferencesAreExplainedAtDefinitionAndUse() {
    EvalResult defined = engine.eval("void usesMissing() { missingHelper(); }");
    assertThat(defined.ok()).isTrue();
    assertThat(defined.stderr())
        .isEqualTo("Note: usesMissing cannot be used until method missingHelper() is declared.\n");
    EvalError e = engine.eval("usesMissing();").error().orElseThrow();
    assertThat(e.ename()).isEqualTo("UnresolvedReference");
    assertThat(e.evalue())
        .isEqualTo("usesMissing cannot be used until method missingHelper() is declared");
  }

  @Test
  void helpfulNullPointerMessagesNameTheVariableNotTheWrapper() {
    EvalError e = engine.eval("String nothing = null;\nnothing.length()").error().orElseThrow();
    assertThat(e.ename()).isEqualTo("java.lang.NullPointerException");
    assertThat(e.evalue())
        .isEqualTo("Cannot invoke \"String.length()\" because \"nothing\" is null");
  }

  @Test
  void customExceptionsKeepTheirClassName() {
    engine.eval("class Boom extends RuntimeException { Boom() { super(\"bang\"); } }");
    EvalError e = engine.eval("throw new Boom();").error().orElseThrow();
    assertThat(e.ename()).endsWith("Boom");
    assertThat(e.evalue()).isEqualTo("bang");
  }

  @Test
  void compileErrorReportsTheDiagnosticAndTheCellLine() {
    EvalError e = engine.eval("int ok = 1;\n\nint bad = undefinedName + 1;").error().orElseThrow();
    assertThat(e.kind()).isEqualTo(EvalError.Kind.COMPILE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.evalue()).startsWith("line 3: cannot find symbol");
    assertThat(e.traceback()).anyMatch(l -> l.contains("undefinedName"));
  }

  @Test
  void typeErrorIsACompileError() {
    EvalError e = engine.eval("String s = 42;").error().orElseThrow();
    assertThat(e.kind()).isEqualTo(EvalError.Kind.COMPILE);
    assertThat(e.evalue()).contains("incompatible types");
  }

  @Test
  void laterSnippetsDoNotRunAfterAnError() {
    EvalResult r =
        engine.eval(
            "int before = 1;\nthrow new IllegalStateException(\"x\");\n"
                + "System.out.println(\"after\");");
    assertThat(r.error()).isPresent();
    assertThat(r.stdout()).doesNotContain("after");
  }

  @Test
  void systemExitInACellIsAnErrorAndTheEngineSurvives() {
    EvalError e =
        engine.eval("System.out.println(\"bye\");\nSystem.exit(3);").error().orElseThrow();
    assertThat(e.ename()).endsWith("SystemExitInCell");
    assertThat(e.evalue()).contains("System.exit(3)").contains("kernel keeps running");
    assertThat(e.line()).isEqualTo(2);
    assertThat(engine.eval("Runtime.getRuntime().halt(1);").error().orElseThrow().evalue())
        .contains("Runtime.halt(1)");
    assertThat(engine.eval("1 + 1").value()).contains(2);
  }
}
