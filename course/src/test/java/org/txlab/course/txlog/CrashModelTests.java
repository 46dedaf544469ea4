package org.txlab.course.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.txlab.txlog.LogFile;

/** The crash model: which images each Disk call sequence can leave. */
class CrashModelTests {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<CrashImages.Image> last(RecordingDisk d) {
    Trace t = d.trace();
    List<CrashImages.Image> out = new ArrayList<>();
    for (CrashImages.Image i : CrashImages.of(t)) {
      if (i.after() == t.ops().size()) {
        out.add(i);
      }
    }
    return out;
  }

  @Test
  void unforcedBytesAreDroppedCutAndZeroedByAPowerLossButKeptByAProcessCrash() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile f = d.open("log");
    d.syncDir();
    f.append(bytes("forced."));
    f.force();
    f.append(bytes("not yet"));

    List<CrashImages.Image> images = last(d);

    assertThat(images)
        .filteredOn(i -> i.kind() == CrashImages.Kind.PROCESS)
        .singleElement()
        .satisfies(i -> assertThat(i.disk().bytes("log")).isEqualTo(bytes("forced.not yet")));
    assertThat(images)
        .filteredOn(i -> i.kind() == CrashImages.Kind.DROPPED)
        .singleElement()
        .satisfies(i -> assertThat(i.disk().bytes("log")).isEqualTo(bytes("forced.")));
    assertThat(images)
        .filteredOn(i -> i.kind() == CrashImages.Kind.CUT)
        .extracting(i -> new String(i.disk().bytes("log"), StandardCharsets.UTF_8))
        .contains("forced.", "forced.n", "forced.not ye")
        .allMatch(s -> s.startsWith("forced."));
    assertThat(images)
        .filteredOn(i -> i.kind() == CrashImages.Kind.ZEROS)
        .first()
        .satisfies(
            i ->
                assertThat(i.disk().bytes("log"))
                    .startsWith(bytes("forced."))
                    .endsWith(new byte[7]));
    assertThat(images).noneMatch(i -> i.kind() == CrashImages.Kind.NAMES);
  }

  @Test
  void aForcedFileLeavesOneImageOnlyAndAnUnsyncedNameCanVanish() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile f = d.open("log");
    f.append(bytes("abc"));
    f.force();

    List<CrashImages.Image> images = last(d);

    assertThat(images)
        .extracting(CrashImages.Image::kind)
        .containsExactly(CrashImages.Kind.PROCESS, CrashImages.Kind.NAMES, CrashImages.Kind.NAMES);
    assertThat(images.get(1).disk().names()).isEmpty();
    assertThat(images.get(1).what()).contains("log is missing");

    d.syncDir();
    assertThat(last(d))
        .extracting(CrashImages.Image::kind)
        .containsExactly(CrashImages.Kind.PROCESS);
  }

  @Test
  void aRenameBeforeSyncDirCanBeUndoneAndTheOldFileComesBack() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile old = d.open("data");
    old.append(bytes("old"));
    old.force();
    LogFile next = d.open("data.next");
    next.append(bytes("new"));
    next.force();
    d.syncDir();
    d.rename("data.next", "data");

    CrashImages.Image undone =
        last(d).stream().filter(i -> i.kind() == CrashImages.Kind.NAMES).findFirst().orElseThrow();

    assertThat(undone.disk().bytes("data")).isEqualTo(bytes("old"));
    assertThat(undone.disk().bytes("data.next")).isEqualTo(bytes("new"));
    assertThat(d.visible().names()).containsExactly("data");
    // The handle follows the file through the rename, like a descriptor.
    next.append(bytes("!"));
    assertThat(d.visible().bytes("data")).isEqualTo(bytes("new!"));
  }

  @Test
  void anEarlierAppendTornWhileALaterOneLandedIsAnImageOnlyWithTwoUnforcedAppends()
      throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile f = d.open("log");
    d.syncDir();
    f.append(bytes("first-record"));
    assertThat(last(d)).noneMatch(i -> i.kind() == CrashImages.Kind.REORDERED);

    f.append(bytes("MARK"));
    List<CrashImages.Image> reordered =
        last(d).stream().filter(i -> i.kind() == CrashImages.Kind.REORDERED).toList();

    assertThat(reordered).isNotEmpty();
    assertThat(reordered)
        .allSatisfy(i -> assertThat(i.disk().bytes("log")).endsWith(bytes("MARK")).hasSize(16));
    assertThat(reordered)
        .anySatisfy(i -> assertThat(i.disk().bytes("log")).startsWith(bytes("first-")));
  }

  @Test
  void anUnforcedTruncateIsUndoneByAPowerLoss() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile f = d.open("log");
    d.syncDir();
    f.append(bytes("committed"));
    f.force();
    f.truncate(0);

    assertThat(last(d))
        .filteredOn(i -> i.kind() == CrashImages.Kind.DROPPED)
        .singleElement()
        .satisfies(i -> assertThat(i.disk().bytes("log")).isEqualTo(bytes("committed")));
  }

  @Test
  void garbageIsTheSameOnEveryRunAndReadsAsANegativeLength() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile f = d.open("log");
    d.syncDir();
    f.append(new byte[16]);
    byte[] g1 =
        last(d).stream()
            .filter(i -> i.kind() == CrashImages.Kind.GARBAGE)
            .findFirst()
            .orElseThrow()
            .disk()
            .bytes("log");
    byte[] g2 =
        CrashImages.of(d.trace()).stream()
            .filter(i -> i.kind() == CrashImages.Kind.GARBAGE)
            .findFirst()
            .orElseThrow()
            .disk()
            .bytes("log");

    assertThat(g1).isEqualTo(g2);
    assertThat(java.nio.ByteBuffer.wrap(g1).getInt()).isNegative();
  }

  @Test
  void tracesImagesWorkloadsAndStatesSurviveTheirEncoding() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile f = d.open("log");
    f.append(bytes("a\tb\nc"));
    d.mark("ack 1");
    d.rename("log", "log-2");
    d.settle();
    Trace t = d.trace();
    Workload w =
        Workload.builder()
            .commit(Map.of("key, with = odd:chars", "line\nbreak\ttab ✓"))
            .step(Workload.Kind.CHECKPOINT)
            .build();
    Map<String, String> state = Map.of("", "", "k", "v,w:x");

    assertThat(Trace.decode(t.encode()).encode()).isEqualTo(t.encode());
    assertThat(Trace.decode(t.encode()).end()).isEqualTo(t.end());
    assertThat(Workload.decode(w.encode())).isEqualTo(w);
    assertThat(States.decode(States.encode(state))).isEqualTo(state);
    assertThat(DiskImage.decode(t.end().encode())).isEqualTo(t.end());
  }

  @Test
  void aPlainNameIsRequired() {
    RecordingDisk d = RecordingDisk.empty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.open("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a plain name");
  }
}
