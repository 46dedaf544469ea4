package org.txlab.course.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.txlab.course.txlog.LogPicture.Fate;
import org.txlab.txlog.LogFile;

/** The byte-by-byte picture of a crash image: each byte's fate, escaped HTML, append marks. */
class LogPictureTests {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** "abc" forced, then "de<f>" written and not forced. */
  private static Trace forcedThenWritten() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile log = d.open("log");
    log.append(bytes("abc"));
    log.force();
    log.append(bytes("de<f>"));
    return d.trace();
  }

  private static CrashImages.Image last(Trace t, CrashImages.Kind kind) {
    List<CrashImages.Image> all =
        CrashImages.of(t).stream()
            .filter(i -> i.after() == t.ops().size() && i.kind() == kind)
            .toList();
    assertThat(all).as("images of kind %s at the end", kind).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private static Fate[] fates(Fate... f) {
    return f;
  }

  @Test
  void tellsForcedBytesFromKeptLostAndTornOnes() throws Exception {
    Trace t = forcedThenWritten();

    LogPicture.FileBytes process = LogPicture.files(t, last(t, CrashImages.Kind.PROCESS)).get(0);
    LogPicture.FileBytes dropped = LogPicture.files(t, last(t, CrashImages.Kind.DROPPED)).get(0);
    LogPicture.FileBytes zeros =
        LogPicture.files(
                t,
                CrashImages.of(t).stream()
                    .filter(i -> i.what().equals("log's last 5 unforced bytes read as zeros"))
                    .findFirst()
                    .orElseThrow())
            .get(0);

    Fate f = Fate.FORCED;
    Fate k = Fate.KEPT;
    Fate l = Fate.LOST;
    Fate x = Fate.TORN;
    assertThat(process.fates()).containsExactly(fates(f, f, f, k, k, k, k, k));
    assertThat(dropped.fates()).containsExactly(fates(f, f, f, l, l, l, l, l));
    assertThat(dropped.shown()).isEqualTo(bytes("abcde<f>"));
    assertThat(zeros.fates()).containsExactly(fates(f, f, f, x, x, x, x, x));
    assertThat(process.summary()).isEqualTo("written 8 B, forced 3 B, after the crash 8 B");
    assertThat(dropped.summary()).isEqualTo("written 8 B, forced 3 B, after the crash 3 B");
  }

  @Test
  void anUndoneRenameShowsTheOldNameBackAndTheNewOneGone() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile next = d.open("data.next");
    next.append(bytes("state"));
    next.force();
    d.syncDir();
    d.rename("data.next", "data");
    Trace t = d.trace();

    List<LogPicture.FileBytes> files = LogPicture.files(t, last(t, CrashImages.Kind.NAMES));

    assertThat(files).extracting(LogPicture.FileBytes::name).containsExactly("data", "data.next");
    assertThat(files.get(0).note()).isEqualTo("gone after the crash");
    assertThat(files.get(0).fates()).containsOnly(Fate.LOST);
    assertThat(files.get(1).fates()).containsOnly(Fate.OTHER);
    assertThat(files.get(1).note())
        .isEqualTo("after the crash 5 B: a name the process had renamed or deleted, back");
  }

  @Test
  void anUnforcedTruncateUndoneShowsTheCutBytesBack() throws Exception {
    RecordingDisk d = RecordingDisk.empty();
    LogFile log = d.open("log");
    log.append(bytes("abcd"));
    log.force();
    log.truncate(1);
    Trace t = d.trace();

    LogPicture.FileBytes dropped = LogPicture.files(t, last(t, CrashImages.Kind.DROPPED)).get(0);

    assertThat(dropped.fates()).containsExactly(fates(Fate.FORCED, Fate.OLD, Fate.OLD, Fate.OLD));
  }

  @Test
  void htmlEscapesTheBytesMarksEachAppendAndExplainsOnlyTheFatesDrawn() throws Exception {
    Trace t = forcedThenWritten();

    String html = LogPicture.of(t, last(t, CrashImages.Kind.DROPPED)).toHtml();

    assertThat(html)
        .contains("de&lt;f&gt;", "border-left:2px solid #555", "<b>DROPPED</b>")
        .contains(Fate.FORCED.meaning, Fate.LOST.meaning)
        .doesNotContain("de<f>", Fate.TORN.meaning, Fate.OTHER.meaning);
  }

  @Test
  void textIsEachImagesMomentAndTheCrashModelsPicture() throws Exception {
    Trace t = forcedThenWritten();
    CrashImages.Image dropped = last(t, CrashImages.Kind.DROPPED);

    assertThat(LogPicture.of(t, dropped).toString())
        .isEqualTo(
            "DROPPED — right after disk call 4 (append 5 bytes to log), when no commit had"
                + " returned: "
                + dropped.what()
                + "\n"
                + CrashImages.picture(t, dropped));
  }
}
