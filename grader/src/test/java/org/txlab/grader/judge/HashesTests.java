package org.txlab.grader.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache key of the grader's own jars: it follows their content, not their files. */
class HashesTests {
  @TempDir Path dir;

  private Path jar(String name, String message) throws IOException {
    Path jar = dir.resolve(name);
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("org/txlab/feedback.properties"));
      zip.write(message.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }

  @Test
  void aJarsHashChangesWithAnyEntrysBytesEvenAtTheSameSizeAndTime() throws IOException {
    Path jar = jar("grader.jar", "hint=Take the lock first");
    FileTime time = Files.getLastModifiedTime(jar);
    String before = Hashes.contentOf(List.of(jar));

    jar("grader.jar", "hint=Take the lock last!");
    Files.setLastModifiedTime(jar, time);

    assertThat(Hashes.contentOf(List.of(jar))).isNotEqualTo(before);
  }

  @Test
  void theSameContentWrittenAgainElsewhereHashesTheSame() throws IOException {
    Path a = jar("a.jar", "hint=Take the lock first");
    Path b = jar("copy/a.jar", "hint=Take the lock first");
    Files.setLastModifiedTime(b, FileTime.fromMillis(0));

    assertThat(Hashes.contentOf(List.of(b))).isEqualTo(Hashes.contentOf(List.of(a)));
  }

  @Test
  void aFileThatIsNotAZipIsHashedByItsBytes() throws IOException {
    Path notZip = dir.resolve("broken.jar");
    Files.writeString(notZip, "not a zip");
    String first = Hashes.contentOf(List.of(notZip));
    Files.writeString(notZip, "not a zip!");

    assertThat(Hashes.contentOf(List.of(notZip))).isNotEqualTo(first);
  }
}
