package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flat-file store's bugs, reproduced with real child JVMs killed with SIGKILL. */
class CrashIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final List<Shop.Product> LAMP = List.of(new Shop.Product(3, "Last lamp", 2500, 1));

  @TempDir Path dir;

  private ChildJvm.Builder flatFile(String writes, int count) {
    return ChildJvm.builder(FlatFileProcess.class.getName())
        .property("java.io.tmpdir", dir.toString())
        .args(dir.toString(), writes, "7", "3", "1", Integer.toString(count));
  }

  @Test
  void killBetweenTheTwoAppendsLosesTheUnitButNotTheOrder() {
    FlatFileShop.seed(dir, LAMP);
    try (ChildJvm child = flatFile("append", 1).killAt("between-appends").start()) {
      assertThat(child.awaitKillPoint(TIMEOUT)).isEqualTo("between-appends");
      child.kill();
    }
    FlatFileShop restarted = FlatFileShop.open(dir, FlatFileShop.Writes.APPEND);

    assertThat(restarted.products()).extracting(Shop.Product::stock).containsExactly(0L);
    assertThat(restarted.orders()).isEmpty();
  }

  @Test
  void aTornLastLineStopsTheStoreFromRestarting() {
    FlatFileShop.seed(dir, LAMP);
    try (ChildJvm child = flatFile("append", 1).killAt("torn-order-line").start()) {
      child.awaitKillPoint(TIMEOUT);
      child.kill();
    }

    assertThatThrownBy(() -> FlatFileShop.open(dir, FlatFileShop.Writes.APPEND))
        .isInstanceOf(CorruptFileException.class)
        .hasMessageStartingWith("[CORRUPT] orders.jsonl line 1");
  }

  @Test
  void anUnflushedWriterLosesAcknowledgedOrders() throws Exception {
    FlatFileShop.seed(dir, List.of(new Shop.Product(1, "Keyboard", 4999, 10)));
    try (ChildJvm child =
        ChildJvm.builder(FlatFileProcess.class.getName())
            .args(dir.toString(), "buffered", "7", "1", "1", "3")
            .killAt("after-acks")
            .start()) {
      for (int i = 0; i < 3; i++) {
        assertThat(child.awaitOutcome(TIMEOUT).kind()).isEqualTo(Child.RESULT);
      }
      child.awaitKillPoint(TIMEOUT);
      child.kill();
    }

    assertThat(Files.readString(dir.resolve(FlatFileShop.ORDERS))).isEmpty();
  }

  @Test
  void twoProcessesBothSellTheLastUnit() throws Exception {
    FlatFileShop.seed(dir, LAMP);
    List<ChildJvm.Signal> outcomes =
        Race.processes(List.of(flatFile("append", 1), flatFile("append", 1)), TIMEOUT);

    assertThat(outcomes).extracting(ChildJvm.Signal::kind).containsOnly(Child.RESULT);
    // Both appended an order for the one lamp, and both, from stale memory, gave it id 1.
    assertThat(Files.readAllLines(dir.resolve(FlatFileShop.ORDERS)))
        .hasSize(2)
        .allMatch(line -> line.startsWith("{\"id\":1,"));
  }

  @Test
  void aChildThatDiesBeforeItsKillPointIsReportedWithItsExitCode() {
    try (ChildJvm child = ChildJvm.builder("no.such.Main").start()) {
      assertThatThrownBy(() -> child.awaitKillPoint(TIMEOUT))
          .isInstanceOf(ChildJvmException.class)
          .hasMessageStartingWith("[CHILD_DIED]")
          .hasMessageContaining("no.such.Main");
    }
  }
}
