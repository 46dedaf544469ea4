package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfCheckReportTests {
  private static final Map<String, Integer> HIDDEN = Map.of("atomicity", 2);

  private static SelfCheck.Report report(SelfCheck.Check... checks) {
    return new SelfCheck.Report(
        "place-order", "PlaceOrder (class fingerprint 0a1b2c3d)", List.of(checks), HIDDEN);
  }

  @Test
  void aReportWhoseChecksAllPassedRendersTheBlockTheBrowserTestReadsWithVerdictPass() {
    String html = report(SelfCheck.Check.passed("an order is stored")).toHtml();

    assertThat(html)
        .startsWith("<div class=\"txlab-selfcheck\" data-verdict=\"pass\">")
        .contains("<table", "</table>", "an order is stored", "1/1 public checks passed.")
        .contains("2 more hidden checks run at grading: atomicity 2.")
        .endsWith("</div>");
  }

  @Test
  void oneFailedCheckMakesTheVerdictFailAndItsProblemIsShownEscaped() {
    SelfCheck.Report r =
        report(
            SelfCheck.Check.passed("an order is stored"),
            SelfCheck.Check.failed("a crash leaves nothing", "stock <went> 10 → 9 & \"no\" order"));

    assertThat(r.passed()).isFalse();
    assertThat(r.toHtml())
        .contains("data-verdict=\"fail\"")
        .contains("stock &lt;went&gt; 10 → 9 &amp; &quot;no&quot; order")
        .doesNotContain("<went>");
    assertThat(r.toString())
        .isEqualTo(
            "Self-check of PlaceOrder (class fingerprint 0a1b2c3d)\n"
                + "✔ an order is stored\n"
                + "✘ a crash leaves nothing\n"
                + "    stock <went> 10 → 9 & \"no\" order\n"
                + "1/2 public checks passed.\n"
                + "2 more hidden checks run at grading: atomicity 2.");
  }

  @Test
  void aReportWithoutChecksDoesNotPass() {
    assertThat(report().passed()).isFalse();
  }

  @Test
  void theHiddenCountsAreKnownForEveryExerciseAndRefusedForOthers() {
    assertThat(SelfCheck.hiddenChecks("place-order")).containsKeys("atomicity", "isolation");
    assertThat(SelfCheck.hiddenChecks("cart-checkout")).containsKeys("atomicity", "isolation");
    assertThat(SelfCheck.hiddenChecks("outbox")).containsKeys("atomicity", "delivery");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SelfCheck.hiddenChecks("saga"))
        .hasMessageStartingWith("[SELFCHECK] no exercise 'saga'");
  }
}
