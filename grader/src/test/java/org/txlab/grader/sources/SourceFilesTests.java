package org.txlab.grader.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceFilesTests {
  private static final String SOURCE = "// Bestellung für Kunden\nclass Helper {}\n";

  @Test
  void decodesWhatEditorsSave() {
    assertThat(SourceFiles.decode(SOURCE.getBytes(StandardCharsets.UTF_8))).isEqualTo(SOURCE);
    assertThat(SourceFiles.decode(SOURCE.getBytes(Charset.forName("windows-1252"))))
        .isEqualTo(SOURCE);
    assertThat(SourceFiles.decode(SOURCE.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(SOURCE);
    byte[] bom = "\ufeffclass A {}".getBytes(StandardCharsets.UTF_8);
    assertThat(SourceFiles.decode(bom)).isEqualTo("class A {}");
    byte[] utf16 = "\ufeffclass A {}".getBytes(StandardCharsets.UTF_16LE);
    assertThat(SourceFiles.decode(utf16)).isEqualTo("class A {}");
    assertThat(SourceFiles.decode("\ufeffclass A {}".getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo("class A {}");
  }

  @Test
  void findsThePublicTopLevelTypeWhateverSurroundsIt() {
    String source =
        """
        package org.txlab.exercises;
        /* public class Commented {} */
        // public class AlsoCommented {}
        import java.util.List;
        @SuppressWarnings("public class InAString")
        final class Helper { public class Inner {} }
        public final
            class PlaceOrder implements Runnable {
          String s = "public class Nope {";
          char c = '{';
          public void run() {}
        }
        """;
    assertThat(SourceFiles.publicTopLevelType(source)).contains("PlaceOrder");
  }

  @Test
  void knowsRecordsInterfacesAndEnumsAndFieldsNamedRecord() {
    assertThat(SourceFiles.publicTopLevelType("public record Line(int a) {}")).contains("Line");
    assertThat(SourceFiles.publicTopLevelType("public sealed interface Shape permits A {}"))
        .contains("Shape");
    assertThat(SourceFiles.publicTopLevelType("public enum Kind { A }")).contains("Kind");
    assertThat(SourceFiles.publicTopLevelType("public @interface Tag {}")).contains("Tag");
    assertThat(SourceFiles.publicTopLevelType("class A { public int record = 1; }")).isEmpty();
    assertThat(SourceFiles.publicTopLevelType("class A {}")).isEmpty();
  }
}
