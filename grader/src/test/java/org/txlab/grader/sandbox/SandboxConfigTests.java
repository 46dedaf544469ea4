package org.txlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxConfigTests {

  @Test
  void theDeadlinesNestInnerFirstWhateverTheTestTimeout() {
    for (int seconds : new int[] {3, 30, 120}) {
      SandboxConfig c = SandboxConfig.defaults().withTestTimeout(Duration.ofSeconds(seconds));

      // A call's deadline fires before its test's, the test's before JUnit's backstop, and a
      // whole test always fits in the submission's time.
      assertThat(c.callTimeout()).isPositive().isLessThan(c.testTimeout());
      assertThat(c.testTimeout()).isLessThan(c.junitBackstop());
      assertThat(c.testTimeout()).isLessThanOrEqualTo(c.submissionTimeout());
    }
  }

  @Test
  void aTestTimeoutLongerThanTheSubmissionsIsRefused() {
    SandboxConfig d = SandboxConfig.defaults();

    assertThatThrownBy(() -> d.withTestTimeout(d.submissionTimeout().plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not exceed the submission's");
  }
}
