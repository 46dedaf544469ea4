package org.txlab.course.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineCodecTests {

  @Test
  void roundTripsEveryKindOfCharacter() {
    List<String> samples =
        List.of(
            "",
            "plain",
            "back\\slash and \\n not a newline",
            "tab\there\nnewline\r\ncrlf",
            "\u0000\u0001\u001f\u007f",
            "unpaired \ud800 high, \udc00 low, pair \ud83d\ude00",
            "\\u0041 looks like an escape",
            "trailing backslash \\");
    for (String s : samples) {
      String encoded = LineCodec.encode(s);
      assertThat(encoded).doesNotContain("\t", "\n", "\r");
      assertThat(LineCodec.decode(encoded)).as("round trip of %s", encoded).isEqualTo(s);
    }
  }

  @Test
  void roundTripsRandomStringsAsFieldsOfOneLine() {
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      List<String> fields = new ArrayList<>();
      for (int f = 0; f < 1 + random.nextInt(4); f++) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
          s.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
        }
        fields.add(s.toString());
      }
      assertThat(LineCodec.split(LineCodec.join(fields))).isEqualTo(fields);
    }
  }

  @Test
  void rejectsMalformedEscapesInsteadOfGuessing() {
    assertThatThrownBy(() -> LineCodec.decode("bad \\q"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LineCodec.decode("short \\u12"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LineCodec.decode("dangling \\"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LineCodec.decode("not hex \\uzzzz"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
