package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch folders leave nothing behind: deleted at exit, or by the next JVM after a kill. */
class ScratchIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path tmp;

  /** A child that makes a scratch folder with a file, reports it, then waits to be killed. */
  public static final class Probe {
    private Probe() {}

    /**
     * Runs the probe.
     *
     * @param args {@code exit} to exit normally after reporting, {@code kill} to park
     * @throws Exception if the folder cannot be written
     */
    public static void main(String[] args) throws Exception {
      Path dir = Scratch.dir("probe");
      Files.writeString(dir.resolve("shop.db"), "x");
      Child.report(dir.getParent(), null);
      if (args[0].equals("kill")) {
        Child.killPoint("made");
      }
    }
  }

  private ChildJvm.Builder probe(String how) {
    return ChildJvm.builder(Probe.class.getName())
        .classpath(List.of(ChildJvm.codeSource(ScratchIT.class)))
        .property("java.io.tmpdir", tmp.toString())
        .killAt("made")
        .args(how);
  }

  @Test
  void aJvmThatExitsDeletesItsScratchRoot() {
    Path root;
    try (ChildJvm child = probe("exit").start()) {
      root = Path.of(child.awaitOutcome(TIMEOUT).payload());
      assertThat(child.awaitExit(TIMEOUT)).isZero();
    }

    assertThat(root).startsWithRaw(tmp).doesNotExist();
  }

  @Test
  void theNextJvmDeletesTheRootOfOneThatWasKilled() {
    Path killed;
    try (ChildJvm child = probe("kill").start()) {
      killed = Path.of(child.awaitOutcome(TIMEOUT).payload());
      child.awaitKillPoint(TIMEOUT);
      child.kill();
    }
    assertThat(killed.resolve("probe-1/shop.db")).exists();

    try (ChildJvm next = probe("exit").start()) {
      next.awaitOutcome(TIMEOUT);
      next.awaitExit(TIMEOUT);
    }

    assertThat(killed).doesNotExist();
  }
}
