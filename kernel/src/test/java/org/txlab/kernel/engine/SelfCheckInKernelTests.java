package org.txlab.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-check cell of a notebook, run as the kernel runs it: the report shows as the HTML block
 * the browser test reads, and a class whose exercise cell did not compile the last time is refused,
 * not tested.
 */
class SelfCheckInKernelTests {
  private static final String STARTER =
      "import org.txlab.placeorder.*;\n"
          + "class PlaceOrder implements OrderService {\n"
          + "  private final ConnectionSource db;\n"
          + "  PlaceOrder(ConnectionSource db) { this.db = db; }\n"
          + "  @Override\n"
          + "  public Order placeOrder(long userId, long productId, int quantity) throws SQLException {\n"
          + "    throw new UnsupportedOperationException(\"place-order: implement placeOrder\");\n"
          + "  }\n"
          + "}\n";

  private Engine engine;

  @BeforeEach
  void start() {
    engine = Engine.create(EngineConfig.defaults());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aSelfCheckShowsAsTheHtmlBlockWithItsVerdictAndTheClassItTested() {
    assertThat(engine.eval(STARTER).error()).isEmpty();

    EvalResult r = engine.eval("SelfCheck.placeOrder(PlaceOrder::new)");

    assertThat(r.error()).isEmpty();
    MimeBundle shown = Displays.bundle(r.value().orElseThrow());
    assertThat(shown.data().get("text/html"))
        .startsWith("<div class=\"txlab-selfcheck\" data-verdict=\"fail\">")
        .contains("<table", "PlaceOrder (class fingerprint ", "UnsupportedOperationException")
        .endsWith("</div>");
    assertThat(shown.text())
        .contains("0/9 public checks passed.", "15 more hidden checks run at grading");
  }

  @Test
  void aSelfCheckRefusesTheOldClassWhenTheExerciseCellDidNotCompile() {
    engine.eval(STARTER);
    EvalResult broken = engine.eval(STARTER.replace("this.db = db;", "this.db = db"));
    assertThat(broken.error()).isPresent();

    EvalResult r = engine.eval("SelfCheck.placeOrder(PlaceOrder::new)");

    String text = Displays.bundle(r.value().orElseThrow()).text();
    assertThat(text)
        .contains("your exercise cell did not compile; fix it and run it again")
        .contains("';' expected")
        .contains("0/1 public checks passed.")
        .doesNotContain("UnsupportedOperationException");
  }
}
