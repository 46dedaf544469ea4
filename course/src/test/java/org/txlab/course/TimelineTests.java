package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.placeorder.ConnectionSource;

class TimelineTests {
  @TempDir Path dir;

  private static final long MS = 1_000_000;

  private static List<Timeline.Span> twoLanes() {
    return List.of(
        new Timeline.Span("b", 2 * MS, 9 * MS, "waits for the lock", "wait"),
        new Timeline.Span("a", 0, 8 * MS, "holds the write lock", "write"),
        Timeline.Span.instant("b", 9 * MS, "reads stock 0", "read"));
  }

  @Test
  void rendersSpansAsAPictureAndAsSvg() {
    BufferedImage png = Timeline.render("two connections", twoLanes());
    String svg = Timeline.svg("two connections", twoLanes());

    assertThat(png.getWidth()).isGreaterThan(1000);
    assertThat(png.getHeight()).isGreaterThan(200);
    assertThat(svg).startsWith("<svg").contains("holds the write lock", "reads stock 0", "wait");
  }

  @Test
  void twoSvgsInOnePageDoNotShareIds() {
    Pattern id = Pattern.compile("id=['\"]([^'\"]+)['\"]");
    List<String> first =
        id.matcher(Timeline.svg("", twoLanes())).results().map(m -> m.group(1)).toList();
    List<String> second =
        id.matcher(Timeline.svg("", twoLanes())).results().map(m -> m.group(1)).toList();

    assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
  }

  @Test
  void listsSpansAsTextInOrderOfTheirStart() {
    String text = Timeline.text(twoLanes());

    assertThat(text.lines())
        .hasSize(3)
        .satisfiesExactly(
            l -> assertThat(l).contains("+0.000 ms", "a", "holds the write lock", "8.000 ms"),
            l -> assertThat(l).contains("+2.000 ms", "b", "waits for the lock"),
            l -> assertThat(l).contains("+9.000 ms", "reads stock 0 (read)"));
  }

  @Test
  void rejectsASpanThatEndsBeforeItStartsAndAnEmptyTimeline() {
    assertThatThrownBy(() -> new Timeline.Span("a", 10, 5, "commit", "write"))
        .hasMessageStartingWith("[TIMELINE] span 'commit' in lane 'a' ends 5 ns before it starts");
    assertThatThrownBy(() -> Timeline.render("", List.of()))
        .hasMessageStartingWith("[TIMELINE] nothing to draw");
  }

  @Test
  void aRecordedStepThatThrowsIsAnErrorSpanAndTheExceptionGoesOn() {
    Timeline.Recorder rec = new Timeline.Recorder();

    assertThatThrownBy(
            () ->
                rec.time(
                    "a",
                    "COMMIT",
                    "commit",
                    () -> {
                      throw new SQLException("database is locked");
                    }))
        .hasMessage("database is locked");
    rec.instant("b", "ROLLBACK", "rollback");

    assertThat(rec.spans())
        .extracting(Timeline.Span::lane, Timeline.Span::label, Timeline.Span::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "COMMIT ✘ SQLException", "error"),
            org.assertj.core.groups.Tuple.tuple("b", "ROLLBACK", "rollback"));
  }

  @Test
  void aWatchedSourceRecordsEveryStatementOfItsConnectionsFailuresIncluded() throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    Timeline.Recorder rec = new Timeline.Recorder();
    ConnectionSource watched = rec.watch(Shop.source(db), "a");

    try (Connection c = watched.open();
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.executeQuery("SELECT stock FROM products WHERE id = 3").close();
      try (var p = c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = 3")) {
        p.setInt(1, 5);
        assertThatThrownBy(p::executeUpdate).isInstanceOf(SQLException.class);
      }
      s.execute("ROLLBACK");
    }

    assertThat(rec.spans())
        .extracting(Timeline.Span::label, Timeline.Span::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BEGIN IMMEDIATE", "begin"),
            org.assertj.core.groups.Tuple.tuple("SELECT stock", "read"),
            org.assertj.core.groups.Tuple.tuple(
                "UPDATE products ✘ SQLITE_CONSTRAINT_CHECK", "error"),
            org.assertj.core.groups.Tuple.tuple("ROLLBACK", "rollback"));
    assertThat(rec.spans()).allMatch(s -> s.lane().equals("a"));
  }

  @Test
  void statementsGoToTheLaneTheirThreadNamed() throws Exception {
    Path db = dir.resolve("lanes.db");
    Shop.create(db);
    Timeline.Recorder rec = new Timeline.Recorder();
    ConnectionSource watched = rec.watch(Shop.source(db));

    Race.threads(
        2,
        i -> {
          rec.lane("racer " + i);
          try (Connection c = watched.open()) {
            c.setAutoCommit(false);
            c.createStatement().executeQuery("SELECT 1").close();
            c.commit();
          }
          return null;
        },
        java.time.Duration.ofSeconds(10));

    assertThat(rec.spans()).extracting(Timeline.Span::lane).containsOnly("racer 0", "racer 1");
    assertThat(rec.spans())
        .filteredOn(s -> s.lane().equals("racer 1"))
        .extracting(Timeline.Span::label)
        .containsExactly("setAutoCommit(false)", "SELECT 1", "commit()");
  }
}
