package org.txlab.course.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.txlog.LogFile;

/** The real disk on a real folder: the same calls, the same numbering, as the recording one. */
class RealDiskTests {
  @TempDir Path dir;

  @Test
  void appendsForcesRenamesAndSyncsARealFolder() throws Exception {
    try (RealDisk d = RealDisk.open(dir.resolve("disk"))) {
      LogFile f = d.open("data.next");
      f.append("hello".getBytes(StandardCharsets.UTF_8));
      f.force();
      d.rename("data.next", "data");
      d.syncDir();
      f.append(" world".getBytes(StandardCharsets.UTF_8));
      f.truncate(8);

      assertThat(d.list()).containsExactly("data");
      assertThat(Files.readString(dir.resolve("disk/data"))).isEqualTo("hello wo");
      assertThat(f.read(6, 100)).isEqualTo("wo".getBytes(StandardCharsets.UTF_8));
      d.delete("data");
      assertThat(d.exists("data")).isFalse();
      assertThatThrownBy(() -> d.rename("nothing", "x"))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
  }

  @Test
  void numbersItsCallsAsTheRecordingDiskDoes() throws Exception {
    Workload w =
        Workload.builder().commit(Map.of("stock", "3")).commit(Map.of("stock", "2")).build();
    RecordingDisk rec = RecordingDisk.empty();
    MiniStore a = new MiniStore(rec, MiniStore.Flaw.NONE);
    a.recover();
    TxRun.run(a, rec, w);
    List<Integer> seen = new ArrayList<>();
    try (RealDisk real = RealDisk.open(dir.resolve("real"), seen::add)) {
      MiniStore b = new MiniStore(real, MiniStore.Flaw.NONE);
      b.recover();
      TxRun.run(b, null, w);
      assertThat(real.image()).isEqualTo(rec.visible());
    }

    assertThat(seen).hasSize((int) rec.trace().calls()).startsWith(1, 2, 3);
  }
}
