package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayTests {

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
  void sqliteWorksInACellWithoutSetup(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("shop.db");
    EvalResult r =
        engine.eval(
            "Connection c = DriverManager.getConnection(\""
                + url
                + "\");\n"
                + "c.createStatement().execute(\"create table p(id int, name text)\");\n"
                + "c.createStatement().execute(\"insert into p values (1, 'pen'), (2, 'ink')\");\n"
                + "ResultSet rs = c.createStatement().executeQuery(\"select count(*) from p\");\n"
                + "rs.next();\n"
                + "rs.getInt(1)");
    assertThat(r.error()).isEmpty();
    assertThat(r.value()).contains(2);
  }

  @Test
  void displayOfAResultSetIsAnHtmlTable(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("t.db");
    EvalResult r =
        engine.eval(
            "try (Connection c = DriverManager.getConnection(\""
                + url
                + "\")) {\n"
                + "  c.createStatement().execute(\"create table t(id int, name text)\");\n"
                + "  c.createStatement().execute(\"insert into t values (7, 'seven')\");\n"
                + "  display(c.createStatement().executeQuery(\"select * from t\"));\n"
                + "}");
    assertThat(r.error()).isEmpty();
    assertThat(r.displays()).hasSize(1);
    MimeBundle table = r.displays().get(0);
    assertThat(table.data().get("text/html")).contains("<table").contains("seven");
    assertThat(table.text()).contains("seven");
  }

  @Test
  void anImageShownAsACellsValueIsNotKeptForTheRestOfTheSession() {
    engine.eval(
        "java.lang.ref.WeakReference<java.awt.image.BufferedImage> shown;\n"
            + "java.awt.image.BufferedImage chart() {\n"
            + "  var image = new java.awt.image.BufferedImage(400, 300,"
            + " java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
            + "  shown = new java.lang.ref.WeakReference<>(image);\n"
            + "  return image;\n"
            + "}");

    EvalResult r = engine.eval("chart()");

    assertThat(Displays.bundle(r.value().orElseThrow()).data()).containsKey("image/png");
    r = null;
    assertThat(engine.eval("System.gc();\nshown.get() == null").value()).contains(true);
    assertThat(engine.eval("var kept = chart();\nSystem.gc();\nshown.get() == kept").value())
        .as("a variable the student names keeps its image")
        .contains(true);
  }

  @Test
  void aListOfRecordsAsLastExpressionRendersAsATable() {
    EvalResult r =
        engine.eval("record Item(String name, int qty) {}\nList.of(new Item(\"pen\", 3))");
    MimeBundle bundle = Displays.bundle(r.value().orElseThrow());
    assertThat(bundle.data().get("text/html")).contains("<table").contains("pen");
  }

  @Test
  void htmlMarkdownAndImageHelpersEmitTheirMimeTypes() {
    EvalResult r =
        engine.eval(
            "display(html(\"<b>bold</b>\"));\n"
                + "display(markdown(\"# Title\"));\n"
                + "var img = new java.awt.image.BufferedImage(2, 2,"
                + " java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                + "display(image(img));\n"
                + "display(\"plain\");");
    assertThat(r.error()).isEmpty();
    assertThat(r.displays())
        .extracting(b -> b.data().keySet().iterator().next())
        .containsExactly("text/html", "text/markdown", "image/png", "text/plain");
    assertThat(r.displays().get(2).data().get("image/png")).startsWith("iVBOR");
  }

  @Test
  void renderAsLastExpressionIsTheValue() {
    EvalResult r = engine.eval("render(html(\"<i>x</i>\"), \"text/html\")");
    assertThat(r.value()).get().isInstanceOf(MimeBundle.class);
    assertThat(((MimeBundle) r.value().orElseThrow()).data()).containsOnlyKeys("text/html");
  }

  @Test
  void theCourseLibraryIsImported() {
    EvalResult r = engine.eval("Tables.class.getName()");
    assertThat(r.value()).contains("org.txlab.course.Tables");
  }

  @Test
  void clearOutputDropsWhatTheCellShowedBefore() {
    EvalResult r =
        engine.eval(
            "System.out.println(\"gone\");\ndisplay(html(\"<b>gone</b>\"));\n"
                + "clearOutput();\nSystem.out.println(\"kept\");");
    assertThat(r.error()).isEmpty();
    assertThat(r.stdout()).isEqualTo("kept\n");
    assertThat(r.displays()).isEmpty();
  }

  @Test
  void clearOutputWithWaitClearsWhenTheNextOutputArrives() {
    EvalResult last =
        engine.eval(
            "for (int i = 1; i <= 3; i++) {\n  clearOutput(true);\n  System.out.println(i);\n}");
    assertThat(last.stdout()).isEqualTo("3\n");
    EvalResult nothingAfter = engine.eval("System.out.println(\"stays\");\nclearOutput(true);");
    assertThat(nothingAfter.stdout()).isEqualTo("stays\n");
  }

  /** Shows itself as HTML, like the course library's reports. */
  public static final class Report {
    public String toHtml() {
      return "<div class=\"report\">ok</div>";
    }

    @Override
    public String toString() {
      return "report: ok";
    }
  }

  /** Has a toHtml that is not a display hook: it returns no text. */
  public static final class NotAReport {
    public int toHtml() {
      return 1;
    }

    @Override
    public String toString() {
      return "not a report";
    }
  }

  @Test
  void anObjectWithAToHtmlMethodShowsAsThatHtmlWithItsTextAsFallback() {
    MimeBundle shown = Displays.bundle(new Report());

    assertThat(shown.data()).containsEntry("text/html", "<div class=\"report\">ok</div>");
    assertThat(shown.text()).isEqualTo("report: ok");
  }

  @Test
  void aToHtmlThatReturnsNoStringIsNoDisplayHook() {
    assertThat(Displays.bundle(new NotAReport()).data())
        .containsOnlyKeys("text/plain")
        .containsEntry("text/plain", "not a report");
  }
}
