package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTests {
  private static final Bench.Sample MAP =
      new Bench.Sample("HashMap.get", "µs", List.of(0.02, 0.015, 0.03));
  private static final Bench.Sample SQLITE =
      new Bench.Sample("SQLite SELECT", "µs", List.of(9.0, 12.0, 8.0, 10.0));

  @Test
  void summarisesRunsByTheirMedianAndRange() {
    assertThat(MAP.median()).isEqualTo(0.02);
    assertThat(SQLITE.median()).isEqualTo(9.5);
    assertThat(SQLITE.spread()).isEqualTo(1.5);
    assertThat(SQLITE.summary())
        .isEqualTo("SQLite SELECT: median 9.50 µs (range 8.00–12.0 µs, 4 runs)");
    assertThat(SQLITE.row()).isEqualTo(new Bench.Row("SQLite SELECT", "9.50 µs", "8.00–12.0", 4));
  }

  @Test
  void formatsValuesWithThreeSignificantDigits() {
    assertThat(List.of(0.0153, 1.234, 12.34, 123.4, 1234.5, 460_123.0))
        .map(Bench::format)
        .containsExactly("0.0153", "1.23", "12.3", "123", "1,230", "460,000");
  }

  @Test
  void repeatsACaseAndKeepsEveryRun() throws Exception {
    int[] runs = {0};

    Bench.Sample s = Bench.repeat("count", "runs", 5, () -> ++runs[0]);

    assertThat(s.values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(s.median()).isEqualTo(3.0);
  }

  @Test
  void drawsSamplesOnALogScaleAsAPictureOrSvg() {
    assertThat(Charts.spread("per lookup", "µs (log scale)", true, List.of(MAP, SQLITE)).getWidth())
        .isGreaterThan(1000);
    assertThat(Charts.spreadSvg("per lookup", "µs", true, List.of(MAP, SQLITE)))
        .startsWith("<svg")
        .contains("HashMap.get", "9.50 µs");
  }

  @Test
  void aLogScaleRejectsANonPositiveRun() {
    Bench.Sample zero = new Bench.Sample("WAL/NORMAL", "fsyncs", List.of(0.0, 0.0));

    assertThatThrownBy(() -> Charts.spread("fsyncs", "per commit", true, List.of(zero)))
        .hasMessageStartingWith("[CHARTS] 'WAL/NORMAL' has a run of 0");
    assertThat(Charts.spread("fsyncs", "per commit", false, List.of(zero)).getWidth()).isPositive();
  }
}
