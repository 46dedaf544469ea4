package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two flat-file processes race for the last unit, and report what they did when. */
class FlatFileRaceIT {
  @TempDir Path dir;

  private ChildJvm.Builder flatFile(long userId) {
    return ChildJvm.builder(FlatFileProcess.class.getName())
        .property("java.io.tmpdir", dir.toString())
        .args(dir.toString(), "append", Long.toString(userId), "3", "1", "1");
  }

  @Test
  void bothSellTheLastUnitAndEachReportsItsSpans() {
    FlatFileShop.seed(dir, List.of(new Shop.Product(3, "Last lamp", 2500, 1)));

    FlatFileProcess.RaceResult race =
        FlatFileProcess.race(List.of(flatFile(7), flatFile(8)), Duration.ofSeconds(30));

    assertThat(race.outcomes())
        .extracting(ChildJvm.Signal::payload)
        .containsExactly("order 1", "order 1");
    for (String lane : List.of("process A", "process B")) {
      assertThat(race.spans())
          .filteredOn(s -> s.lane().equals(lane))
          .extracting(Timeline.Span::label)
          .containsExactly(
              "reads both files: stock 1",
              "waits at the start gate",
              "checks the stock in memory, appends the new stock",
              "appends the order");
    }
    assertThat(FlatFileShop.open(dir, FlatFileShop.Writes.APPEND).orders()).hasSize(1);
  }
}
