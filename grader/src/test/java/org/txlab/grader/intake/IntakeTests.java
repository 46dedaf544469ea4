package org.txlab.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTests {
  @TempDir Path dir;

  private static void zip(Path zip, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  @Test
  void refusesZipEntriesThatClimbOutOfTheTarget() throws Exception {
    Path zip = dir.resolve("evil.zip");
    zip(zip, Map.of("../../escaped.java", "x".getBytes()));

    assertThatThrownBy(() -> SafeZip.extract(zip, Files.createDirectories(dir.resolve("t"))))
        .isInstanceOf(BadSubmissionException.class)
        .hasMessageStartingWith("[UNSAFE_ZIP]")
        .hasMessageContaining("../../escaped.java");
    assertThat(dir.getParent().resolve("escaped.java")).doesNotExist();
  }

  @Test
  void refusesAbsoluteEntries() throws Exception {
    Path zip = dir.resolve("abs.zip");
    zip(zip, Map.of("/tmp/txlab-absolute.java", "x".getBytes()));

    assertThatThrownBy(() -> SafeZip.extract(zip, Files.createDirectories(dir.resolve("t"))))
        .hasMessageStartingWith("[UNSAFE_ZIP]");
    assertThat(Path.of("/tmp/txlab-absolute.java")).doesNotExist();
  }

  @Test
  void stopsAZipBombByWhatItInflatesNotWhatItClaims() throws Exception {
    Path zip = dir.resolve("bomb.zip");
    zip(zip, Map.of("zeros.java", new byte[(int) SafeZip.MAX_BYTES + 1]));

    assertThat(Files.size(zip)).as("compressed size").isLessThan(1 << 20);
    assertThatThrownBy(() -> SafeZip.extract(zip, Files.createDirectories(dir.resolve("t"))))
        .hasMessageStartingWith("[ZIP_BOMB]");
  }

  @Test
  void collectsFoldersZipsNotebooksAndLooseJavaFilesOnePerStudent() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.createDirectories(in.resolve("ada/src"));
    Files.writeString(in.resolve("ada/src/PlaceOrder.java"), "class A {}");
    zip(in.resolve("Ben.zip"), Map.of("PlaceOrder.java", "class B {}".getBytes()));
    Files.writeString(in.resolve("cy.ipynb"), "{\"cells\": []}");
    Files.writeString(in.resolve("dee.java"), "public final class PlaceOrder {}");
    Files.writeString(in.resolve("eve.txt"), "my answer");
    Files.createDirectories(in.resolve("fay"));
    zip(in.resolve("gil.zip"), Map.of("../x.java", "x".getBytes()));

    List<StudentSubmission> all = Intake.collect(in, dir.resolve("work"));

    assertThat(all)
        .extracting(StudentSubmission::student)
        .containsExactly("ada", "ben", "cy", "dee", "eve", "fay", "gil");
    assertThat(all.get(3).files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("PlaceOrder.java");
    assertThat(all.get(4).problem()).startsWith("[UNKNOWN_FORMAT]");
    assertThat(all.get(5).problem()).startsWith("[EMPTY]");
    assertThat(all.get(6).problem()).startsWith("[UNSAFE_ZIP]");
    assertThat(all.subList(0, 4)).allMatch(s -> s.problem() == null);
  }

  @Test
  void splitsACanvasBulkDownloadByStudent() throws Exception {
    Path bulk = dir.resolve("submissions.zip");
    zip(
        bulk,
        Map.of(
            "lovelaceada_1234_5678_PlaceOrder.java", "class A {}".getBytes(),
            "babbagecharles_late_99_100_PlaceOrder-1.java", "class B {}".getBytes(),
            "hopper_1_2_notes.txt", "ignored".getBytes()));

    List<StudentSubmission> all = Intake.collect(bulk, dir.resolve("work"));

    assertThat(all)
        .extracting(StudentSubmission::student)
        .containsExactly("babbagecharles", "hopper", "lovelaceada");
    assertThat(all.get(1).problem()).startsWith("[EMPTY]");
    assertThat(all.get(2).files()).hasSize(1);
  }

  @Test
  void flagsCodeForReviewWithoutJudgingIt() {
    assertThat(IntegrityScan.scan("System.exit(1); new java.net.Socket(); f.setAccessible(true);"))
        .containsExactly("exit", "network", "reflection");
    assertThat(IntegrityScan.scan("class Fine { int x; }")).isEmpty();
  }
}
