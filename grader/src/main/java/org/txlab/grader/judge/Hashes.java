package org.txlab.grader.judge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of bytes and of the content of jars and class directories. */
public final class Hashes {
  private Hashes() {}

  /**
   * Hashes the content of every classpath entry: jars byte by byte, directories file by file.
   *
   * @param entries jars or directories
   * @return a short hex digest
   * @throws IOException if a file cannot be read
   */
  public static String contentOf(List<Path> entries) throws IOException {
    MessageDigest md = digest();
    for (Path p : entries) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
            md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
          }
        }
      } else if (Files.isRegularFile(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          byte[] buffer = new byte[65536];
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            md.update(buffer, 0, n);
          }
        }
      }
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 32);
  }

  /**
   * Returns the hex SHA-256 of bytes.
   *
   * @param bytes the bytes
   * @return the digest
   */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** Returns a new SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
