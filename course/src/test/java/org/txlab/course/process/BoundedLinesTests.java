package org.txlab.course.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTests {

  private static List<BoundedLines.Item> read(BoundedLines reader, InputStream in) {
    List<BoundedLines.Item> items = new ArrayList<>();
    reader.read(in, items::add);
    return items;
  }

  @Test
  void cutsALongLineAndKeepsReadingTheNextOnes() {
    String text = "x".repeat(100) + "\nshort\nlast without newline";
    List<BoundedLines.Item> items =
        read(new BoundedLines(10, 1 << 20), new ByteArrayInputStream(text.getBytes()));
    assertThat(items)
        .containsExactly(
            new BoundedLines.Line("x".repeat(10), true),
            new BoundedLines.Line("short", false),
            new BoundedLines.Line("last witho", true),
            new BoundedLines.End());
  }

  @Test
  void stopsAtTheTotalCapWithoutHoldingTheStream() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'y';
          }
        };
    List<BoundedLines.Item> items = read(new BoundedLines(64, 100_000), endless);
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).isInstanceOf(BoundedLines.Overflow.class);
  }

  @Test
  void decodesUtf8AndReplacesMalformedBytes() {
    byte[] bytes = "é\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xff, 'a', '\n'};
    assertThat(read(new BoundedLines(64, 1000), new ByteArrayInputStream(bytes)).get(0))
        .isEqualTo(new BoundedLines.Line("é", false));
    assertThat(read(new BoundedLines(64, 1000), new ByteArrayInputStream(bad)).get(0))
        .isEqualTo(new BoundedLines.Line("\ufffda", false));
  }
}
