package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicTests {

  private static Engine engine;
  @TempDir static Path m2;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineConfig.defaults().withMavenRepository(m2));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void loadRunsAJshFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("helpers.jsh");
    Files.writeString(file, "int triple(int x) {\n  return 3 * x;\n}\n");
    EvalResult r = engine.eval("%load " + file + "\ntriple(14)");
    assertThat(r.error()).isEmpty();
    assertThat(r.value()).contains(42);
  }

  @Test
  void classpathMagicReportsAMissingPath() {
    EvalError e = engine.eval("%classpath /no/such/dir/*.jar").error().orElseThrow();
    assertThat(e.kind()).isEqualTo(EvalError.Kind.MAGIC);
    assertThat(e.evalue()).startsWith("[CLASSPATH]").contains("/no/such/dir/*.jar");
  }

  @Test
  void unknownMagicIsAClearError() {
    EvalError e = engine.eval("%nosuch x").error().orElseThrow();
    assertThat(e.evalue()).startsWith("[MAGIC] unknown magic '%nosuch'");
  }

  @Test
  void mavenMagicResolvesFromTheLocalRepositoryWithDependencies(@TempDir Path dir)
      throws IOException {
    Path driverJar = ClasspathTests.fakeDriverJar(dir);
    Path a = m2.resolve("org/example/app/1.0");
    Path b = m2.resolve("org/example/fakedb/2.0");
    Files.createDirectories(a);
    Files.createDirectories(b);
    Files.copy(driverJar, b.resolve("fakedb-2.0.jar"));
    Files.copy(driverJar, a.resolve("app-1.0.jar"));
    Files.writeString(
        a.resolve("app-1.0.pom"),
        "<project><groupId>org.example</groupId><artifactId>app</artifactId>"
            + "<version>1.0</version><properties><db.version>2.0</db.version></properties>"
            + "<dependencies><dependency><groupId>org.example</groupId>"
            + "<artifactId>fakedb</artifactId><version>${db.version}</version></dependency>"
            + "<dependency><groupId>org.example</groupId><artifactId>testonly</artifactId>"
            + "<version>1</version><scope>test</scope></dependency>"
            + "</dependencies></project>");
    EvalResult r = engine.eval("%maven org.example:app:1.0\nnew fake.FakeDriver().jdbcCompliant()");
    assertThat(r.error()).isEmpty();
    assertThat(r.value()).contains(false);
    assertThat(r.stderr()).doesNotContain("testonly");

    EvalError missing = engine.eval("%maven org.example:absent:9").error().orElseThrow();
    assertThat(missing.evalue()).startsWith("[MAVEN] org.example:absent:9 is not in the local");
  }

  @Test
  void sqlCellMagicShowsRowsAsATable(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("m.db");
    EvalResult r =
        engine.eval(
            "%%sql "
                + url
                + "\ncreate table t(x int);\ninsert into t values (5);\n"
                + "select x * 2 as doubled from t;");
    assertThat(r.error()).isEmpty();
    assertThat(r.displays()).hasSize(1);
    assertThat(r.displays().get(0).data().get("text/html")).contains("doubled").contains("10");
    assertThat(r.stdout()).contains("1 row(s) affected.");
  }

  @Test
  void completionSuggestsMembers() {
    engine.eval("String greeting = \"hi\";");
    String cell = "int y = 1;\ngreeting.toUpp";
    Completion c = engine.complete(cell, cell.length());
    assertThat(c.matches()).contains("toUpperCase(");
    assertThat(cell.substring(c.start(), c.end())).isEqualTo("toUpp");
  }

  @Test
  void inspectionDescribesAMethod() {
    String cell = "Math.abs(";
    assertThat(engine.inspect(cell, cell.length(), false)).get().asString().contains("abs(");
  }

  @Test
  void isCompleteTellsCompleteFromIncompleteAndInvalid() {
    assertThat(engine.isComplete("int x = 1;").status()).isEqualTo(Completeness.Status.COMPLETE);
    assertThat(engine.isComplete("for (int i = 0; i < 3; i++) {").status())
        .isEqualTo(Completeness.Status.INCOMPLETE);
    assertThat(engine.isComplete("int x = 1;\nvoid f() {").status())
        .isEqualTo(Completeness.Status.INCOMPLETE);
    assertThat(engine.isComplete("%maven a:b:c").status()).isEqualTo(Completeness.Status.COMPLETE);
  }
}
