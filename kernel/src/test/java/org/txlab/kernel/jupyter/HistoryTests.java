package org.txlab.kernel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.junit.jupiter.api.Test;

class HistoryTests {

  private static History threeCells() {
    History h = new History();
    h.add(1, "int x = 6;", null);
    h.add(2, "x * 7", "42");
    h.add(3, "x * 7", "42");
    return h;
  }

  @Test
  void tailReturnsTheLastCellsWithTheirSessionAndCount() {
    assertThat(threeCells().answer(new HistoryRequest.Tail(false, true, 2)))
        .containsExactly(List.of(1, 2, "x * 7"), List.of(1, 3, "x * 7"));
  }

  @Test
  void outputPairsTheInputWithTheResultText() {
    assertThat(threeCells().answer(new HistoryRequest.Tail(true, true, 3)))
        .containsExactly(
            List.of(1, 1, Arrays.asList("int x = 6;", null)),
            List.of(1, 2, List.of("x * 7", "42")),
            List.of(1, 3, List.of("x * 7", "42")));
  }

  @Test
  void rangeExcludesItsStopAndKnowsOnlyTheCurrentSession() {
    History h = threeCells();
    assertThat(h.answer(new HistoryRequest.Range(false, true, History.SESSION, 1, 3)))
        .containsExactly(List.of(1, 1, "int x = 6;"), List.of(1, 2, "x * 7"));
    assertThat(h.answer(new HistoryRequest.Range(false, true, 0, 3, 0)))
        .containsExactly(List.of(1, 3, "x * 7"));
    assertThat(h.answer(new HistoryRequest.Range(false, true, -1, 1, 10))).isEmpty();
  }

  @Test
  void searchMatchesAGlobAndCanKeepOnlyTheLatestOfEachInput() {
    History h = threeCells();
    assertThat(h.answer(new HistoryRequest.Search(false, true, 0, "x*7", false))).hasSize(2);
    assertThat(h.answer(new HistoryRequest.Search(false, true, 0, "x*7", true)))
        .containsExactly(List.of(1, 3, "x * 7"));
    assertThat(h.answer(new HistoryRequest.Search(false, true, 1, "*", false)))
        .containsExactly(List.of(1, 3, "x * 7"));
  }

  @Test
  void globReadsStarQuestionMarkAndSetsAsSqliteDoes() {
    assertThat(History.glob("int ?[a-z] = *;").matcher("int xy = 6;").matches()).isTrue();
    assertThat(History.glob("[^0-9]*").matcher("7 days").matches()).isFalse();
    assertThat(History.glob("a.b").matcher("axb").matches()).isFalse();
    assertThat(History.glob("*loop*").matcher("for (;;) {\n  loop();\n}").matches()).isTrue();
  }
}
