package org.txlab.course.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.txlab.outbox.Message;
import org.txlab.outbox.SinkException;

/** The scripted broker the outbox's self-check, hidden tests and notebook rely on. */
class ScriptedSinkTests {
  private static final Message M1 = new Message(1, 10, 7, 1, 2);
  private static final Message M2 = new Message(2, 11, 7, 3, 1);

  /** Thrown by the crash hook, standing in for the process dying. */
  private static final class Died extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Died(String where) {
      super(where);
    }
  }

  private static final Crash DIES =
      where -> {
        throw new Died(where);
      };

  @Test
  void anAckingBrokerRecordsEverySendAsArrived() throws SinkException {
    ScriptedSink sink = ScriptedSink.acking();
    sink.send(M1);
    sink.send(M2);
    sink.send(M1);
    assertThat(sink.sends())
        .extracting(ScriptedSink.Send::attempt, ScriptedSink.Send::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ScriptedSink.Outcome.ACK),
            org.assertj.core.groups.Tuple.tuple(2, ScriptedSink.Outcome.ACK),
            org.assertj.core.groups.Tuple.tuple(3, ScriptedSink.Outcome.ACK));
    assertThat(sink.arrived()).containsExactly(M1, M2, M1);
  }

  @Test
  void aRefusalThrowsAndTheMessageDoesNotArrive() throws SinkException {
    ScriptedSink sink = ScriptedSink.sequence(Crash.NEVER, ScriptedSink.Outcome.REFUSE);
    assertThatThrownBy(() -> sink.send(M1))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("refused message 1")
        .hasMessageContaining("attempt 1");
    sink.send(M1);
    assertThat(sink.arrived()).containsExactly(M1);
    assertThat(sink.sends().get(0).arrived()).isFalse();
    assertThat(sink.sends().get(1).outcome()).isEqualTo(ScriptedSink.Outcome.ACK);
  }

  @Test
  void aTimeoutThrowsButTheMessageArrived() {
    ScriptedSink sink = ScriptedSink.sequence(Crash.NEVER, ScriptedSink.Outcome.TIMEOUT);
    assertThatThrownBy(() -> sink.send(M2))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("message 2")
        .hasMessageContaining("may have arrived");
    assertThat(sink.arrived()).containsExactly(M2);
  }

  @Test
  void aLateAckReturnsAfterTheDelay() throws SinkException {
    ScriptedSink sink =
        new ScriptedSink(
            (attempt, m) -> ScriptedSink.Outcome.LATE_ACK, Duration.ofMillis(80), DIES, s -> {});
    long start = System.nanoTime();
    sink.send(M1);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(80));
    assertThat(sink.arrived()).containsExactly(M1);
  }

  @Test
  void aCrashAfterArrivalCallsTheHookWithTheMessageRecordedAsArrived() {
    List<ScriptedSink.Send> told = new ArrayList<>();
    ScriptedSink sink =
        new ScriptedSink(
            (attempt, m) ->
                attempt == 2 ? ScriptedSink.Outcome.CRASH_AFTER : ScriptedSink.Outcome.ACK,
            Duration.ZERO,
            DIES,
            told::add);
    assertThatThrownBy(
            () -> {
              sink.send(M1);
              sink.send(M2);
            })
        .isInstanceOf(Died.class)
        .hasMessageContaining("message 2 arrived, before the ack");
    // The listener heard of the crashing send before the crash.
    assertThat(told).extracting(ScriptedSink.Send::message).containsExactly(M1, M2);
    assertThat(sink.arrived()).containsExactly(M1, M2);
  }

  @Test
  void aCrashBeforeArrivalLeavesTheMessageUndelivered() {
    ScriptedSink sink = ScriptedSink.sequence(DIES, ScriptedSink.Outcome.CRASH_BEFORE);
    assertThatThrownBy(() -> sink.send(M1))
        .isInstanceOf(Died.class)
        .hasMessageContaining("before it arrived");
    assertThat(sink.sends()).hasSize(1);
    assertThat(sink.arrived()).isEmpty();
  }

  @Test
  void aCrashHookThatReturnsIsAnError() {
    ScriptedSink sink = ScriptedSink.sequence(where -> {}, ScriptedSink.Outcome.CRASH_AFTER);
    assertThatThrownBy(() -> sink.send(M1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must not return");
  }

  @Test
  void withoutACrashHookAScriptedCrashThrows() {
    ScriptedSink sink = ScriptedSink.sequence(Crash.NEVER, ScriptedSink.Outcome.CRASH_BEFORE);
    assertThatThrownBy(() -> sink.send(M1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a crash hook");
  }

  @Test
  void aNullMessageIsRefusedAndNotRecorded() {
    ScriptedSink sink = ScriptedSink.acking();
    assertThatThrownBy(() -> sink.send(null)).isInstanceOf(NullPointerException.class);
    assertThat(sink.sends()).isEmpty();
  }

  @Test
  void concurrentSendsGetDistinctAttemptsInOrder() throws Exception {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    ScriptedSink sink =
        new ScriptedSink(
            (attempt, m) -> {
              seen.add(attempt);
              return ScriptedSink.Outcome.ACK;
            },
            Duration.ZERO,
            Crash.NEVER,
            s -> {});
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Message m = new Message(i, i, 1, 1, 1);
        done.add(
            pool.submit(
                () -> {
                  sink.send(m);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<ScriptedSink.Send> sends = sink.sends();
    assertThat(sends).hasSize(200);
    for (int i = 0; i < sends.size(); i++) {
      assertThat(sends.get(i).attempt()).isEqualTo(i + 1);
    }
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
  }
}
