package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathTests {

  private static final String DRIVER =
      "package fake;\n"
          + "import java.sql.*; import java.util.Properties; import java.util.logging.Logger;\n"
          + "public class FakeDriver implements Driver {\n"
          + "  public Connection connect(String url, Properties p) throws SQLException {\n"
          + "    if (!acceptsURL(url)) return null;\n"
          + "    throw new SQLException(\"fake driver reached for \" + url);\n"
          + "  }\n"
          + "  public boolean acceptsURL(String url) { return url.startsWith(\"jdbc:fake:\"); }\n"
          + "  public DriverPropertyInfo[] getPropertyInfo(String u, Properties p) {"
          + " return new DriverPropertyInfo[0]; }\n"
          + "  public int getMajorVersion() { return 1; }\n"
          + "  public int getMinorVersion() { return 0; }\n"
          + "  public boolean jdbcCompliant() { return false; }\n"
          + "  public Logger getParentLogger() { return Logger.getGlobal(); }\n"
          + "}\n";

  /** Builds a jar with a JDBC driver that is not on the kernel's classpath. */
  static Path fakeDriverJar(Path dir) throws IOException {
    Path src = dir.resolve("src/fake/FakeDriver.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, DRIVER);
    Path classes = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    Path jar = dir.resolve("fake-driver.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("fake/FakeDriver.class"));
      out.write(Files.readAllBytes(classes.resolve("fake/FakeDriver.class")));
      out.putNextEntry(new JarEntry("META-INF/services/java.sql.Driver"));
      out.write("fake.FakeDriver\n".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  @Test
  void jdbcDriversInAddedJarsAreRegistered(@TempDir Path dir) throws IOException {
    Path jar = fakeDriverJar(dir);
    try (Engine engine = Engine.create(EngineConfig.defaults())) {
      String connect = "DriverManager.getConnection(\"jdbc:fake:db\");";
      assertThat(engine.eval(connect).error().orElseThrow().evalue())
          .contains("No suitable driver");

      engine.addToClasspath(List.of(jar));

      EvalError e = engine.eval(connect).error().orElseThrow();
      assertThat(e.ename()).isEqualTo("java.sql.SQLException");
      assertThat(e.evalue()).isEqualTo("fake driver reached for jdbc:fake:db");
      assertThat(engine.eval("new fake.FakeDriver().acceptsURL(\"jdbc:fake:x\")").value())
          .contains(true);
    }
  }

  @Test
  void jarsMagicAddsAJarByGlob(@TempDir Path dir) throws IOException {
    Path jar = fakeDriverJar(dir);
    try (Engine engine = Engine.create(EngineConfig.defaults())) {
      EvalResult r =
          engine.eval(
              "%jars " + jar.getParent() + "/*.jar\nnew fake.FakeDriver()" + ".getMajorVersion()");
      assertThat(r.error()).isEmpty();
      assertThat(r.value()).contains(1);
    }
  }
}
