package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTests {
  @Test
  void foldersAreNewEmptyAndNamedWithoutTheirTempPath() throws Exception {
    Path a = Scratch.dir("crash");
    Path b = Scratch.dir("crash");

    assertThat(a).isEmptyDirectory().isNotEqualTo(b);
    assertThat(a.getParent()).isEqualTo(b.getParent());
    assertThat(a.getParent().getFileName().toString())
        .startsWith("txlab-" + ProcessHandle.current().pid() + "-");
    assertThat(Scratch.name(a.resolve("shop.db"))).matches("crash-\\d+/shop.db");
  }

  @Test
  void listsFilesWithDigestsAndComparesListings() throws Exception {
    Path dir = Scratch.dir("files");
    Files.writeString(dir.resolve("shop.db"), "same");
    Files.writeString(dir.resolve("orders.jsonl"), "one");
    List<Scratch.FileRow> before = Scratch.files(dir);
    Files.writeString(dir.resolve("orders.jsonl"), "two");
    Files.writeString(dir.resolve("shop.db-journal"), "new");

    List<Scratch.FileChange> changes = Scratch.changes(before, Scratch.files(dir));

    assertThat(before).extracting(Scratch.FileRow::file).containsExactly("orders.jsonl", "shop.db");
    assertThat(changes)
        .containsExactly(
            new Scratch.FileChange("orders.jsonl", "3 B", "3 B", "changed"),
            new Scratch.FileChange("shop.db", "4 B", "4 B", "unchanged"),
            new Scratch.FileChange("shop.db-journal", "-", "3 B", "new"));
  }

  @Test
  void knowsAFileSystemInMemory() {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Scratch.fileSystem(shm).equals("tmpfs")) {
      assertThat(Scratch.inMemory(shm)).isTrue();
    }
    Path disk = Scratch.onDisk("fsync");
    assertThat(disk).isEmptyDirectory();
    assertThat(Scratch.fileSystem(disk)).isNotBlank();
  }
}
