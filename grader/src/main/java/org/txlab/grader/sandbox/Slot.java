package org.txlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One place for grading one submission at a time, with limits of its own so that what one
 * submission does cannot cost another anything: its own uid (as root), its own cgroups (where
 * available) and a scratch directory of capped size (a tmpfs mount, as root).
 */
public final class Slot implements AutoCloseable {
  private final int index;
  private final int uid;
  private final Path scratch;
  private final boolean mounted;
  private final Cgroups.Group group;
  private final UidLease lease;

  Slot(int index, int uid, Path scratch, boolean mounted, Cgroups.Group group, UidLease lease) {
    this.index = index;
    this.uid = uid;
    this.scratch = scratch;
    this.mounted = mounted;
    this.group = group;
    this.lease = lease;
  }

  /** Returns the slot's number, from 0. */
  public int index() {
    return index;
  }

  /** Returns the uid its processes run as, or -1 when they run as this process's user. */
  public int uid() {
    return uid;
  }

  /** Returns the host directory the submission may write (its scratch). */
  public Path scratch() {
    return scratch;
  }

  /** Returns whether the scratch is a size-capped tmpfs of its own. */
  public boolean sizeCapped() {
    return mounted;
  }

  Cgroups.Group group() {
    return group;
  }

  /** Tells whether the kernel limits this slot's tasks, memory and scratch (cgroups, tmpfs). */
  public boolean limitedByKernel() {
    return group != null && mounted;
  }

  /** Tells whether the kernel killed a process of this slot for using too much memory. */
  public boolean oomKilled() {
    return group != null && group.oomKilled();
  }

  /** Tells whether a process of this slot was refused a new thread or process. */
  public boolean tasksExhausted() {
    return group != null && group.tasksExhausted();
  }

  /**
   * Empties the scratch directory and hands it to the slot's uid, ready for the next submission.
   *
   * @throws IOException if it cannot be emptied
   */
  public void reset() throws IOException {
    clean(scratch, false);
    Files.createDirectories(scratch);
    own(scratch);
  }

  /**
   * Creates a directory in the scratch that the slot's processes may write.
   *
   * @param relative its path under the scratch
   * @return the host path
   * @throws IOException if it cannot be made
   */
  public Path directory(String relative) throws IOException {
    Path dir = Files.createDirectories(scratch.resolve(relative));
    for (Path p = dir; !p.equals(scratch); p = p.getParent()) {
      own(p);
    }
    return dir;
  }

  /**
   * Hands a file or directory in the scratch to the slot's uid.
   *
   * @param path the file
   * @throws IOException if it cannot be changed
   */
  public void own(Path path) throws IOException {
    if (uid >= 0) {
      UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(path, users.lookupPrincipalByName(Integer.toString(uid)));
      Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class)
          .setGroup(users.lookupPrincipalByGroupName(Integer.toString(uid)));
    }
  }

  /** Removes the scratch (and its mount) and the cgroups. */
  @Override
  public void close() {
    try {
      if (mounted) {
        Mounts.unmount(scratch);
      }
      clean(scratch, true);
    } catch (IOException e) {
      // Left for the next run's start, which cleans stale slots.
    }
    if (group != null) {
      group.remove();
    }
    if (lease != null) {
      lease.close();
    }
  }

  static void clean(Path dir, boolean self) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (self || !p.equals(dir)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
