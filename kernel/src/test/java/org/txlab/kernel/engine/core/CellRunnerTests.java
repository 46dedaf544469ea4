package org.txlab.kernel.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.txlab.kernel.engine.CellOutput;

class CellRunnerTests {

  @Test
  void interruptWhileTheCellIsStillCompilingStopsItsFirstUserCode() throws Exception {
    CellRunner runner =
        new CellRunner(Duration.ofMillis(100), Duration.ofSeconds(1), getClass().getClassLoader());
    try {
      runner.beginCell("cell-1", new CellSink(CellOutput.DISCARD));
      runner.interrupt(); // no user code runs yet: JShell is compiling
      AtomicBoolean ran = new AtomicBoolean();
      assertThatThrownBy(() -> runner.run(() -> ran.getAndSet(true)))
          .isInstanceOf(CellRunner.InterruptedForStop.class);
      assertThat(ran).isFalse();
      runner.endCell();

      runner.beginCell("cell-2", new CellSink(CellOutput.DISCARD));
      assertThat(runner.run(() -> "next cell runs")).isEqualTo("next cell runs");
      runner.endCell();
    } finally {
      runner.close();
    }
  }
}
