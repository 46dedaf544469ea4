package org.txlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxTests {
  private static final Path JDK = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  @Test
  void aGraderInstalledWhereTheSandboxLooksIsCoveredUp() {
    assertThat(Sandbox.covering(Path.of("/usr/share/txlab/grader.jar"), true, JDK))
        .containsExactly("--ro-bind", "/dev/null", "/usr/share/txlab/grader.jar");
    assertThat(Sandbox.covering(Path.of("/etc/txlab/classes"), false, JDK))
        .containsExactly("--tmpfs", "/etc/txlab/classes");
    assertThat(Sandbox.covering(JDK.resolve("lib/grader.jar"), true, JDK))
        .containsExactly("--ro-bind", "/dev/null", JDK.resolve("lib/grader.jar").toString());
  }

  @Test
  void aGraderTheSandboxCannotSeeNeedsNoCover() {
    assertThat(Sandbox.covering(Path.of("/home/ta/txlab/grader.jar"), true, JDK)).isEmpty();
    assertThat(Sandbox.covering(Path.of("/work/txlab/grader/target/classes"), false, JDK))
        .isEmpty();
  }

  @Test
  void classesThatHoldTheJdkCannotBeHiddenAndSaySo() {
    assertThatThrownBy(() -> Sandbox.covering(Path.of("/usr/lib"), false, JDK))
        .hasMessageContaining("[SANDBOX]")
        .hasMessageContaining("install the grader as a jar");
  }
}
