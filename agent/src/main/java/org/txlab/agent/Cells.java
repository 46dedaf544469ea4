package org.txlab.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;
import org.txlab.kernel.engine.EvalError;

/**
 * Evaluates a notebook's exercise cells with the kernel's engine, exactly as the kernel does, and
 * writes the classes they declared. A failing cell does not stop the later ones (a student may run
 * cells one by one); each failure is reported, and the classes declared by the cells that worked
 * are graded.
 */
final class Cells {
  private Cells() {}

  /**
   * Evaluates every {@code cell-N.jsh} of {@code dir} in order.
   *
   * @return for each failing cell, its number and {@code ename: evalue}
   */
  static List<String> evaluate(Path dir, Path out) throws IOException {
    List<Path> cells = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(p -> p.getFileName().toString().matches("cell-\\d+\\.jsh"))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(cells::add);
    }
    cells.sort(
        java.util.Comparator.comparingInt(
            p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))));
    List<String> failures = new ArrayList<>();
    Files.createDirectories(out);
    try (Engine engine = Engine.create(EngineConfig.defaults())) {
      for (Path cell : cells) {
        EvalError error =
            engine.eval(Files.readString(cell, StandardCharsets.UTF_8)).error().orElse(null);
        if (error != null) {
          failures.add(cell.getFileName().toString().replaceAll("\\D", ""));
          failures.add(error.ename() + ": " + error.evalue());
        }
      }
      for (Map.Entry<String, byte[]> c : engine.cellClasses().entrySet()) {
        Path file = out.resolve(c.getKey().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, c.getValue());
      }
    }
    return failures;
  }
}
