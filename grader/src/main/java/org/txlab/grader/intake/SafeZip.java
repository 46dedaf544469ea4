package org.txlab.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Extracts a zip without trusting it: no entry may leave the target directory (no {@code ..}, no
 * absolute path, no drive letter), and the total size and entry count are capped against zip bombs.
 * Sizes are counted while inflating, not taken from the headers.
 */
public final class SafeZip {
  /** At most this many bytes unpacked from one archive. */
  public static final long MAX_BYTES = 50L << 20;

  /** At most this many entries in one archive. */
  public static final int MAX_ENTRIES = 2000;

  private SafeZip() {}

  /**
   * Extracts {@code zip} into {@code target}.
   *
   * @param zip the archive
   * @param target an empty directory
   * @throws BadSubmissionException if an entry would escape, or a cap is exceeded, or the archive
   *     is corrupt; {@code target} may then hold part of it and should be discarded
   * @throws IOException if reading or writing fails otherwise
   */
  public static void extract(Path zip, Path target) throws BadSubmissionException, IOException {
    try {
      extract(zip, target, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notUtf8) {
      // Entry names that are not UTF-8: zip tools on Windows write them in code page 437.
      Intake.clean(target);
      Files.createDirectories(target);
      try {
        extract(zip, target, java.nio.charset.Charset.forName("IBM437"));
      } catch (IllegalArgumentException e) {
        throw new BadSubmissionException(
            "[BAD_ZIP] '" + zip.getFileName() + "' has entry names in no known encoding");
      }
    }
  }

  private static void extract(Path zip, Path target, java.nio.charset.Charset names)
      throws BadSubmissionException, IOException {
    Path root = target.toAbsolutePath().normalize();
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[65536];
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file, names)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new BadSubmissionException(
              "[ZIP_BOMB] '" + zip.getFileName() + "' has more than " + MAX_ENTRIES + " entries");
        }
        String name = e.getName().replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
          throw unsafe(zip, name);
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
          if (out.equals(root) && e.isDirectory()) {
            continue;
          }
          throw unsafe(zip, name);
        }
        if (e.isDirectory()) {
          if (Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
            throw clash(zip, name);
          }
          Files.createDirectories(out);
          continue;
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
          throw clash(zip, name);
        }
        for (Path p = out.getParent(); !p.equals(root); p = p.getParent()) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw clash(zip, name);
          }
        }
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_BYTES) {
              throw new BadSubmissionException(
                  "[ZIP_BOMB] '"
                      + zip.getFileName()
                      + "' unpacks to more than "
                      + (MAX_BYTES >> 20)
                      + " MB; submit only your sources");
            }
            o.write(buffer, 0, n);
          }
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new BadSubmissionException(
          "[BAD_ZIP] '"
              + zip.getFileName()
              + "' is not a readable zip ("
              + e.getMessage()
              + "); it may be truncated: zip your files again");
    }
  }

  private static BadSubmissionException clash(Path zip, String name) {
    return new BadSubmissionException(
        "[BAD_ZIP] '"
            + zip.getFileName()
            + "' holds a file and a folder both named '"
            + name
            + "' (or the same file twice); zip your files again");
  }

  private static BadSubmissionException unsafe(Path zip, String name) {
    return new BadSubmissionException(
        "[UNSAFE_ZIP] '"
            + zip.getFileName()
            + "' has an entry that points outside the submission: '"
            + name
            + "'; nothing of it was graded");
  }
}
