package org.txlab.grader.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class-data archives kept in the grader's cache, one family per kind of JVM ({@code agent-*},
 * {@code grader-*}): each is 15–20 MB, and a family that grew by one per upgrade would fill an
 * instructor's home folder, so the archives used last are kept and the others deleted.
 */
public final class CachedArchives {
  private CachedArchives() {}

  /**
   * Marks an archive as used now, which pruning reads.
   *
   * @param archive the archive about to be mapped
   */
  public static void markUsed(Path archive) {
    try {
      Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // Only pruning reads it.
    }
  }

  /**
   * Deletes the archives of {@code keep}'s family but {@code keep} and the {@code others} used
   * last.
   *
   * @param keep the archive in use
   * @param family the regular expression its family's file names match
   * @param others how many more of the family to keep
   */
  public static void prune(Path keep, String family, int others) {
    try (Stream<Path> files = Files.list(keep.getParent())) {
      List<Path> old =
          files
              .filter(f -> f.getFileName().toString().matches(family))
              .filter(f -> !f.equals(keep))
              .sorted(Comparator.comparing((Path f) -> f.toFile().lastModified()).reversed())
              .toList();
      for (Path f : old.subList(Math.min(old.size(), others), old.size())) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // Pruning only saves space.
    }
  }
}
