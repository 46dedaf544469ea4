package org.txlab.course.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.course.Child;
import org.txlab.course.ChildJvm;
import org.txlab.outbox.Message;

/** Scenarios in real child JVMs: a result, an armed kill point, and a double's crash hook. */
class ScenarioIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** Appends its first argument to the file in its second, then passes the kill point. */
  static final class Note implements Scenario {
    @Override
    public Object run(List<String> args) throws Exception {
      Files.writeString(
          Path.of(args.get(1)), args.get(0), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Child.killPoint("after-note");
      return "noted " + args.get(0);
    }
  }

  /** Sends two messages to a sink whose second send crashes the caller after it arrived. */
  static final class Sending implements Scenario {
    @Override
    public Object run(List<String> args) throws Exception {
      ScriptedSink sink =
          ScriptedSink.sequence(
              Scenario.PARK, ScriptedSink.Outcome.ACK, ScriptedSink.Outcome.CRASH_AFTER);
      sink.send(new Message(1, 1, 7, 1, 1));
      sink.send(new Message(2, 2, 7, 1, 1));
      return "both acknowledged";
    }
  }

  @Test
  void anUnarmedScenarioReportsItsResult() {
    Path file = dir.resolve("note");
    try (ChildJvm child = Scenario.start(Note.class, dir, null, "a", file.toString())) {
      ChildJvm.Signal outcome = child.awaitOutcome(TIMEOUT);

      assertThat(outcome.kind()).isEqualTo(Child.RESULT);
      assertThat(outcome.payload()).isEqualTo("noted a");
    }
  }

  @Test
  void anArmedKillPointStopsTheChildAfterWhatItWrote() throws Exception {
    Path file = dir.resolve("note");
    try (ChildJvm child = Scenario.start(Note.class, dir, "after-note", "b", file.toString())) {
      assertThat(child.awaitKillPoint(TIMEOUT)).isEqualTo("after-note");
      child.kill();
    }

    assertThat(Files.readString(file)).isEqualTo("b");
  }

  @Test
  void theParkingCrashHookReportsWhereTheDoubleCrashedTheChild() {
    try (ChildJvm child = Scenario.start(Sending.class, dir, null)) {
      assertThat(child.awaitKillPoint(TIMEOUT))
          .isEqualTo("sink: message 2 arrived, before the ack");
      child.kill();
      assertThat(child.awaitExit(TIMEOUT)).isEqualTo(137);
    }
  }
}
