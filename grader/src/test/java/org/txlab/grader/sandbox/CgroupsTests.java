package org.txlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A slot's cgroups, made for real where this process may make them (as root, as in CI). */
class CgroupsTests {
  @Test
  void aProcessStartedInASlotIsInItsTaskMemoryAndCpuGroups() throws Exception {
    Cgroups cgroups = Cgroups.detect();
    assumeTrue(cgroups.available(), "cgroups are not writable here (run as root)");
    String name = "txlab-test-" + ProcessHandle.current().pid();
    Cgroups.Group group = cgroups.create(name, 64, 256L << 20);
    try {
      List<String> command = new ArrayList<>(group.prefix());
      command.addAll(List.of("cat", "/proc/self/cgroup"));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String seen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(p.waitFor()).as(seen).isZero();
      if (cgroups.kind().equals("v2")) {
        assertThat(seen).contains("0::/" + name);
      } else {
        assertThat(seen).containsPattern(":pids:/" + name).containsPattern(":memory:/" + name);
        if (Files.exists(Path.of("/sys/fs/cgroup/cpu/cgroup.procs"))) {
          assertThat(seen)
              .as("the slot's own CPU group, so that slots share the CPU equally")
              .containsPattern(":cpu(,cpuacct)?:/" + name);
        }
      }
      assertThat(group.tasksExhausted()).isFalse();
      assertThat(group.oomKilled()).isFalse();
    } finally {
      group.remove();
    }
  }
}
