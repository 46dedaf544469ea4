package org.txlab.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Folders for the notebooks' files (databases, flat files, compiled classes), all under one root
 * that is deleted, with everything in it, when the JVM exits: a notebook leaves nothing behind in
 * the temp folder. A root left by a kernel that was killed (no shutdown hooks then) is deleted by
 * the next kernel that starts.
 *
 * <pre>{@code
 * Path dir = Scratch.dir("crash");     // e.g. /tmp/txlab-4242-…/crash-1
 * Scratch.name(dir.resolve("shop.db")) // "crash-1/shop.db": no temp path in a cell's output
 * Scratch.files(dir)                   // the folder's files, sizes and content digests
 * }</pre>
 */
public final class Scratch {
  private static final String PREFIX = "txlab-";
  private static final Pattern ROOT_NAME = Pattern.compile("txlab-(\\d+)-.*");
  private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs", "devtmpfs");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Path root;
  private static Path diskRoot;

  /**
   * A file of a folder, as a table row.
   *
   * @param file its name, relative to the folder
   * @param bytes its size
   * @param sha256 the first 12 hex digits of its content's SHA-256: equal digits, equal content
   */
  public record FileRow(String file, long bytes, String sha256) {}

  /**
   * How a file changed between two listings.
   *
   * @param file its name
   * @param before its size before, or {@code "-"} if it did not exist
   * @param after its size after, or {@code "-"} if it was gone
   * @param change {@code "unchanged"}, {@code "new"}, {@code "deleted"} or {@code "changed"}
   */
  public record FileChange(String file, String before, String after, String change) {}

  private Scratch() {}

  /**
   * Makes a new empty folder under the scratch root.
   *
   * @param name what it is for, e.g. {@code "crash"}; a number is appended
   * @return the folder
   * @throws UncheckedIOException if it cannot be created
   */
  public static Path dir(String name) {
    return create(root(), name);
  }

  /**
   * Makes a new empty folder on a real disk, for timings of {@code fsync}: under the temp folder
   * unless that is in memory (tmpfs, as on Fedora, Arch or Debian 13), else under {@code
   * ~/.cache/txlab}. {@link #fileSystem} tells which file system it got.
   *
   * @param name what it is for
   * @return the folder
   */
  public static Path onDisk(String name) {
    return create(diskRoot(), name);
  }

  /**
   * Returns the type of the file system a path is on, e.g. {@code ext4}, {@code tmpfs}, {@code
   * apfs}.
   *
   * @param path an existing path
   * @return the type, or {@code "unknown"}
   */
  public static String fileSystem(Path path) {
    try {
      FileStore store = Files.getFileStore(path);
      return store.type();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Tells whether a path is on a file system in memory, where {@code fsync} writes nothing to a
   * disk and so costs (almost) nothing.
   *
   * @param path an existing path
   * @return true on tmpfs or ramfs
   */
  public static boolean inMemory(Path path) {
    return MEMORY_FILE_SYSTEMS.contains(fileSystem(path).toLowerCase(Locale.ROOT));
  }

  /**
   * Returns a path as a cell should print it: relative to the scratch root, so that no temp path
   * shows in an output.
   *
   * @param path a path under a scratch folder, or any other path
   * @return e.g. {@code crash-1/shop.db}; other paths by their file name
   */
  public static String name(Path path) {
    Path p = path.toAbsolutePath().normalize();
    for (Path r : roots()) {
      if (p.startsWith(r)) {
        return r.relativize(p).toString();
      }
    }
    return String.valueOf(p.getFileName());
  }

  /**
   * Lists the files of a folder and its subfolders, by name.
   *
   * @param dir the folder
   * @return one row per file
   * @throws UncheckedIOException if the folder cannot be read
   */
  public static List<FileRow> files(Path dir) {
    List<FileRow> rows = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        rows.add(new FileRow(dir.relativize(p).toString(), Files.size(p), digest(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Compares two listings of one folder.
   *
   * @param before an earlier {@link #files} listing
   * @param after a later one
   * @return one row per file in either, by name
   */
  public static List<FileChange> changes(List<FileRow> before, List<FileRow> after) {
    Map<String, FileRow[]> byName = new TreeMap<>();
    before.forEach(r -> byName.computeIfAbsent(r.file(), k -> new FileRow[2])[0] = r);
    after.forEach(r -> byName.computeIfAbsent(r.file(), k -> new FileRow[2])[1] = r);
    List<FileChange> changes = new ArrayList<>();
    byName.forEach(
        (file, pair) -> {
          FileRow b = pair[0];
          FileRow a = pair[1];
          String change =
              b == null
                  ? "new"
                  : a == null ? "deleted" : b.sha256().equals(a.sha256()) ? "unchanged" : "changed";
          changes.add(
              new FileChange(
                  file,
                  b == null ? "-" : b.bytes() + " B",
                  a == null ? "-" : a.bytes() + " B",
                  change));
        });
    return changes;
  }

  private static synchronized Path root() {
    if (root == null) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      sweep(tmp);
      root = newRoot(tmp);
    }
    return root;
  }

  private static synchronized Path diskRoot() {
    if (diskRoot == null) {
      Path tmp = root();
      if (!inMemory(tmp)) {
        diskRoot = tmp;
      } else {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "txlab");
        try {
          Files.createDirectories(cache);
          sweep(cache);
          diskRoot = inMemory(cache) ? tmp : newRoot(cache);
        } catch (IOException | UncheckedIOException e) {
          diskRoot = tmp;
        }
      }
    }
    return diskRoot;
  }

  private static synchronized List<Path> roots() {
    List<Path> roots = new ArrayList<>();
    if (root != null) {
      roots.add(root.toAbsolutePath().normalize());
    }
    if (diskRoot != null && !diskRoot.equals(root)) {
      roots.add(diskRoot.toAbsolutePath().normalize());
    }
    return roots;
  }

  private static Path newRoot(Path parent) {
    try {
      Path r = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteTree(r), "txlab-scratch-cleanup"));
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(Messages.get("scratch.cannotCreate", parent, e), e);
    }
  }

  private static Path create(Path parent, String name) {
    try {
      return Files.createDirectories(parent.resolve(name + "-" + COUNTER.incrementAndGet()));
    } catch (IOException e) {
      throw new UncheckedIOException(Messages.get("scratch.cannotCreate", parent, e), e);
    }
  }

  /** Deletes roots of JVMs that no longer run (killed kernels run no shutdown hooks). */
  private static void sweep(Path parent) {
    try (Stream<Path> list = Files.list(parent)) {
      for (Path p : list.toList()) {
        Matcher m = ROOT_NAME.matcher(p.getFileName().toString());
        if (m.matches()
            && Files.isDirectory(p)
            && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          deleteTree(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Sweeping is a courtesy; a folder that cannot be listed is left alone.
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort at exit: a file still open elsewhere may stay.
    }
  }

  private static String digest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
