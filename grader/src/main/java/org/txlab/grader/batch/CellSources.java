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
          "org.txlab.course.*",
          "org.txlab.placeorder.*");

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
          body.append(line).append('\n');
        }
      }
    }
    Path file = src.resolve("NotebookCells.java");
    Files.writeString(file, imports + "\n" + body, StandardCharsets.UTF_8);
    return file;
  }
}
