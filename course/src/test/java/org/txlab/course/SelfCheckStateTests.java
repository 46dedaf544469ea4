package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.txlab.course.jdbc.StatementRecord;

class SelfCheckStateTests {
  private static final SelfCheckState FIXTURE = SelfCheckState.FIXTURE;

  @Test
  void aWholeOrderConservesUnitsAndIsDescribedAsStockAndOrder() {
    SelfCheckState after = FIXTURE.plus(8, 1, 4);

    assertThat(after.changesSince(FIXTURE))
        .isEqualTo(
            "the stock of product 1 went 10 → 6; the orders table gained [user 8: 4 of product 1]");
  }

  @Test
  void aDecrementWithoutItsOrderIsReportedAsUnitsThatVanished() {
    SelfCheckState halfDone = new SelfCheckState(Map.of(1L, 6L, 2L, 3L, 3L, 1L), List.of());

    assertThat(halfDone.changesSince(FIXTURE))
        .isEqualTo(
            "the stock of product 1 went 10 → 6; no order was stored; 4 unit(s) of product 1"
                + " vanished (taken from the stock but in no order)");
  }

  @Test
  void twoOrdersForTheLastUnitAreReportedAsOversold() {
    SelfCheckState lostUpdate =
        new SelfCheckState(Map.of(1L, 10L, 2L, 3L, 3L, 0L), List.of("99/3/1", "21/3/1"));

    assertThat(lostUpdate.changesSince(FIXTURE))
        .endsWith("1 unit(s) of product 3 were sold that were never in stock");
  }

  @Test
  void contentIsComparedWithoutOrderIdsOrTheirOrder() {
    SelfCheckState a = FIXTURE.plus(1, 1, 1).plus(2, 2, 1);
    SelfCheckState b = FIXTURE.plus(2, 2, 1).plus(1, 1, 1);

    assertThat(a.sameAs(b)).isTrue();
    assertThat(a.sameAs(FIXTURE.plus(1, 1, 1))).isFalse();
  }

  @Test
  void theEffectOfOneRunCanBeAddedToAnotherState() {
    SelfCheckState held = FIXTURE.plus(99, 1, 3);
    SelfCheckState mine = FIXTURE.plus(32, 1, 4);

    assertThat(held.plusEffectOf(FIXTURE, mine).sameAs(FIXTURE.plus(99, 1, 3).plus(32, 1, 4)))
        .isTrue();
  }

  private static StatementRecord record(int n, String op, boolean wrote, boolean committed) {
    return new StatementRecord(
        n,
        op,
        "",
        1,
        wrote ? Map.of("UPDATE products", 1) : Map.of(),
        committed,
        false,
        "",
        0,
        "",
        "",
        false,
        false);
  }

  @Test
  void faultsGoFromTheFirstStatementToTheLastCommitAndNeverToRecovery() {
    List<StatementRecord> clean =
        List.of(
            record(1, "open", false, false),
            record(2, "execute", false, false),
            record(3, "executeUpdate", true, false),
            record(4, "rollback", false, false),
            record(5, "execute", false, true),
            record(6, "close", false, false));

    assertThat(SelfCheckFaults.faultable(clean)).containsExactly(1, 2, 3, 5);
    assertThat(SelfCheckFaults.boundaries(clean)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(SelfCheckFaults.writes(clean)).isEqualTo(1);
  }
}
