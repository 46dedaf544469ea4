package org.txlab.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns notebook exercise cells into one Java source: the kernel's default imports, the cells' own
 * imports, then their declarations, in notebook order.
 */
final class CellSources {
  /** The imports every cell of the course kernel starts with. */
  static final List<String> KERNEL_IMPORTS =
      List.of(
          "java.util.*",
          "java.io.*",
          "java.nio.file.*",
          "java.sql.*",
          "java.time.*",
          "java.util.concurrent.*",
          "java.util.function.*",
          "java.util.stream.*",
          "org.txlab.course.*",
          "org.txlab.placeorder.*");

  private static final java.util.regex.Pattern PUBLIC_TYPE =
      java.util.regex.Pattern.compile(
          "^public\\s+((?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|record|enum)\\b)");

  private CellSources() {}

  static Path write(List<String> cells, Path src) throws IOException {
    StringBuilder imports = new StringBuilder();
    for (String i : KERNEL_IMPORTS) {
      imports.append("import ").append(i).append(";\n");
    }
    StringBuilder body = new StringBuilder();
    for (String cell : cells) {
      for (String line : cell.split("\n", -1)) {
        if (line.strip().startsWith("import ")) {
          imports.append(line.strip()).append('\n');
        } else {
          // JShell accepts a public top-level class in any cell; javac only in a file of its
          // name. Package access is the same here: every class lands in one file.
          body.append(PUBLIC_TYPE.matcher(line).replaceFirst("$1")).append('\n');
        }
      }
    }
    Path file = src.resolve("NotebookCells.java");
    Files.writeString(file, imports + "\n" + body, StandardCharsets.UTF_8);
    return file;
  }
}
