package org.txlab.course.txlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.txlab.txlog.Disk;
import org.txlab.txlog.LogFile;

/**
 * A {@link Disk} over a real folder, each call the {@code java.nio} call it is named after: {@code
 * force} is {@link FileChannel#force}, {@code syncDir} forces the folder itself (Linux allows it).
 * Close it to close its files.
 */
public final class RealDisk implements Disk, AutoCloseable {
  private final Path dir;
  private final List<FileChannel> open = new ArrayList<>();
  private final IntConsumer beforeCall;
  private int calls;

  private RealDisk(Path dir, IntConsumer beforeCall) {
    this.dir = dir;
    this.beforeCall = beforeCall;
  }

  /**
   * Opens a folder as a disk, creating it if needed.
   *
   * @param dir the folder
   * @return the disk
   * @throws IOException if the folder cannot be made
   */
  public static RealDisk open(Path dir) throws IOException {
    return open(dir, n -> {});
  }

  /**
   * Opens a folder as a disk that tells a hook before each call (e.g. to kill the process there).
   *
   * @param dir the folder
   * @param beforeCall called with the call's number, from 1, before it runs
   * @return the disk
   * @throws IOException if the folder cannot be made
   */
  public static RealDisk open(Path dir, IntConsumer beforeCall) throws IOException {
    Files.createDirectories(dir);
    return new RealDisk(dir, beforeCall);
  }

  /** Returns the folder. */
  public Path dir() {
    return dir;
  }

  /** Returns how many calls it served. */
  public int calls() {
    return calls;
  }

  /** Returns what the folder holds now. */
  public DiskImage image() throws IOException {
    java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
    for (String n : list()) {
      files.put(n, Files.readAllBytes(dir.resolve(n)));
    }
    return DiskImage.of(files);
  }

  private void call() {
    calls++;
    beforeCall.accept(calls);
  }

  @Override
  public synchronized LogFile open(String name) throws IOException {
    Names.check(name);
    call();
    FileChannel ch =
        FileChannel.open(
            dir.resolve(name),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    open.add(ch);
    return new File(ch);
  }

  @Override
  public boolean exists(String name) {
    Names.check(name);
    return Files.isRegularFile(dir.resolve(name));
  }

  @Override
  public List<String> list() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public synchronized void rename(String from, String to) throws IOException {
    Names.check(from);
    Names.check(to);
    call();
    if (!Files.isRegularFile(dir.resolve(from))) {
      throw new NoSuchFileException(from, to, "no such file to rename");
    }
    Files.move(dir.resolve(from), dir.resolve(to), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public synchronized void delete(String name) throws IOException {
    Names.check(name);
    call();
    Files.deleteIfExists(dir.resolve(name));
  }

  @Override
  public synchronized void syncDir() throws IOException {
    call();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  @Override
  public synchronized void close() {
    for (FileChannel ch : open) {
      try {
        ch.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    open.clear();
  }

  /** A file: its channel, which follows it through renames like a descriptor. */
  private final class File implements LogFile {
    private final FileChannel ch;

    File(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public long size() throws IOException {
      return ch.size();
    }

    @Override
    public byte[] read(long position, int length) throws IOException {
      long size = ch.size();
      int n = (int) Math.max(0, Math.min(length, size - position));
      ByteBuffer b = ByteBuffer.allocate(n);
      while (b.hasRemaining() && ch.read(b, position + b.position()) >= 0) {
        // Positional reads may return fewer bytes; go on until the buffer is full.
      }
      return b.array();
    }

    @Override
    public byte[] readAll() throws IOException {
      return read(0, (int) ch.size());
    }

    @Override
    public void append(byte[] bytes) throws IOException {
      synchronized (RealDisk.this) {
        call();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long at = ch.size();
        while (b.hasRemaining()) {
          at += ch.write(b, at);
        }
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      synchronized (RealDisk.this) {
        call();
        ch.truncate(size);
      }
    }

    @Override
    public void force() throws IOException {
      synchronized (RealDisk.this) {
        call();
        ch.force(false);
      }
    }
  }
}
