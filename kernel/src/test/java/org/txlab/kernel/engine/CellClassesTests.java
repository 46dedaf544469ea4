package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.txlab.course.CellClasses;
import org.txlab.course.process.JvmCommand;

/**
 * The engine's hook for the course library's self-checks: the class files of cell classes, what a
 * child JVM needs to load them, and whether a class still is what its cell declared the last time
 * the cell ran (JShell keeps the old class when the new declaration does not compile).
 */
class CellClassesTests {
  private Engine engine;

  @BeforeEach
  void start() {
    engine = Engine.create(EngineConfig.defaults());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private Class<?> classOf(String name) {
    EvalResult r = engine.eval(name + ".class");
    assertThat(r.error()).isEmpty();
    return (Class<?>) r.value().orElseThrow();
  }

  private Optional<String> notCurrent(String name) {
    Class<?> type = classOf(name);
    assertThat(type.getClassLoader()).isInstanceOf(CellClasses.class);
    return ((CellClasses) type.getClassLoader()).notCurrent(type);
  }

  @Test
  void aClassThatCompiledIsCurrent() {
    engine.eval("class Shop { int stock() { return 3; } }");

    assertThat(notCurrent("Shop")).isEmpty();
  }

  @Test
  void aRedeclarationWithASyntaxErrorLeavesTheOldClassMarkedNotCurrent() {
    engine.eval("class Shop { int stock() { return 3; } }");
    EvalResult broken = engine.eval("\nclass Shop { int stock() { return 4 } }");

    assertThat(broken.error()).get().extracting(EvalError::kind).isEqualTo(EvalError.Kind.COMPILE);
    // JShell still answers with the class of the first run...
    assertThat(engine.eval("new Shop().stock()").value()).contains(3);
    // ...which no longer stands for the cell.
    assertThat(notCurrent("Shop")).get().asString().contains("line 2", "';' expected");

    engine.eval("class Shop { int stock() { return 4; } }");
    assertThat(notCurrent("Shop")).isEmpty();
  }

  @Test
  void aClassNestedInANotCurrentClassIsNotCurrentEither() {
    engine.eval("class Shop { static class Line {} }");
    engine.eval("class Shop { static class Line {} void broken() { int x = } }");

    assertThat(notCurrent("Shop.Line")).get().asString().contains("illegal start of expression");
  }

  @Test
  void aClassTheCellNeverReachedIsNotCurrent() {
    engine.eval("class Shop {}");
    EvalResult stopped = engine.eval("int zero = 0;\nint boom = 1 / zero;\nclass Shop { int x; }");

    assertThat(stopped.error())
        .get()
        .extracting(EvalError::ename)
        .asString()
        .contains("Arithmetic");
    assertThat(notCurrent("Shop"))
        .get()
        .asString()
        .contains("the cell stopped at line 2", "ArithmeticException", "before it declared Shop");
  }

  @Test
  void aClassThatUsesWhatIsNotDeclaredIsNotCurrent() {
    engine.eval("class Shop { int stock() { return 3; } }");
    engine.eval("class Shop { int stock() { return missing; } }");

    assertThat(notCurrent("Shop"))
        .get()
        .asString()
        .contains("Shop cannot be used until variable missing is declared");
  }

  @Test
  void classFilesAndRuntimeLetAnotherJvmLoadCellClasses() {
    engine.eval("class Shop { int stock() { while (true) { return 3; } } }");
    Class<?> type = classOf("Shop");
    CellClasses cells = (CellClasses) type.getClassLoader();

    assertThat(cells.classFiles()).containsKey(type.getName());
    // The woven-in stop checks live in the kernel: a child JVM needs its jar (or classes).
    Path kernel = JvmCommand.codeSource(org.txlab.kernel.engine.core.Stops.class).toAbsolutePath();
    assertThat(cells.runtime()).contains(kernel);
  }

  @Test
  void classesFromJarsAreNotCellClasses() {
    assertThat(classOf("org.txlab.course.Shop").getClassLoader())
        .isNotNull()
        .isNotInstanceOf(CellClasses.class);
  }
}
