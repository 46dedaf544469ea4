package org.txlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.sandbox.SandboxConfig;

/**
 * A hand-in is graded again whenever anything but the hand-in that decides its grade changed: the
 * grader's classes and resources (hidden tests, hints, its version), the sandbox's settings, the
 * exercises graded. The key of {@link Grading} stands for all of them.
 */
class GradingKeyTests {
  @TempDir Path dir;

  private String key(List<Path> runtime, SandboxConfig config, List<String> exercises)
      throws Exception {
    return new Grading(
            exercises.stream().map(Exercises::get).toList(), config, dir.resolve("cache"), runtime)
        .key();
  }

  private Path runtime(String name, String hint, String version) throws Exception {
    Path root = dir.resolve(name);
    Path hints = root.resolve("org/txlab/grader/hidden/placeorder/feedback.properties");
    Files.createDirectories(hints.getParent());
    Files.writeString(hints, "hint.atomicity=" + hint + "\n");
    Path manifest = root.resolve("META-INF/MANIFEST.MF");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "Implementation-Version: " + version + "\n");
    Path test = root.resolve("org/txlab/grader/hidden/placeorder/AtomicityChecks.class");
    Files.write(test, new byte[] {(byte) 0xca, (byte) 0xfe, 1});
    return root;
  }

  @Test
  void theKeyIsTheSameForTheSameGraderSettingsAndExercises() throws Exception {
    SandboxConfig c = SandboxConfig.defaults();
    List<Path> r = List.of(runtime("a", "one transaction", "1.0"));

    assertThat(key(r, c, List.of("place-order"))).isEqualTo(key(r, c, List.of("place-order")));
  }

  @Test
  void aHintAHiddenTestTheGradersVersionASandboxSettingOrAnExerciseChangesTheKey()
      throws Exception {
    SandboxConfig c = SandboxConfig.defaults();
    List<String> po = List.of("place-order");
    String base = key(List.of(runtime("a", "one transaction", "1.0")), c, po);

    assertThat(key(List.of(runtime("hint", "two transactions", "1.0")), c, po))
        .as("another hint")
        .isNotEqualTo(base);
    Path test = runtime("test", "one transaction", "1.0");
    Files.write(
        test.resolve("org/txlab/grader/hidden/placeorder/AtomicityChecks.class"),
        new byte[] {(byte) 0xca, (byte) 0xfe, 2});
    assertThat(key(List.of(test), c, po)).as("another hidden test").isNotEqualTo(base);
    assertThat(key(List.of(runtime("version", "one transaction", "1.1")), c, po))
        .as("another grader version")
        .isNotEqualTo(base);
    Path same = runtime("same", "one transaction", "1.0");
    assertThat(key(List.of(same), c.withTestTimeout(Duration.ofSeconds(20)), po))
        .as("another test timeout")
        .isNotEqualTo(base);
    assertThat(key(List.of(same), c.withBwrap(!c.useBwrap()), po))
        .as("the sandbox on or off")
        .isNotEqualTo(base);
    assertThat(key(List.of(same), c, List.of("place-order", "cart-checkout")))
        .as("another set of exercises")
        .isNotEqualTo(base);
  }
}
