package org.txlab.kernel.engine.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.txlab.kernel.engine.EvalError;

/**
 * IJava-compatible magics: {@code %classpath}, {@code %jars}, {@code %load}, {@code %maven} and the
 * cell magic {@code %%sql}.
 */
final class Magics {

  /**
   * A part of a cell: Java source, a line magic, or a cell magic with its body.
   *
   * @param magic the magic's name, or {@code null} for Java
   * @param args the magic's arguments
   * @param text the Java source, or the cell magic's body
   * @param offset where the part starts in the cell
   * @param line the 1-based cell line where it starts
   * @param cellMagic whether it is a cell magic
   */
  record Segment(String magic, String args, String text, int offset, int line, boolean cellMagic) {}

  /** A magic failed for a reason the student can fix. */
  static final class MagicException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    MagicException(String code, String message) {
      super("[" + code + "] " + message);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /** Code run by a magic (such as {@code %load}) failed. */
  static final class CellFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient EvalError error;

    CellFailed(EvalError error) {
      super(error.evalue(), null, false, false);
      this.error = error;
    }

    EvalError error() {
      return error;
    }
  }

  private final JShellEngine engine;
  private final Path mavenRepository;

  Magics(JShellEngine engine, Path mavenRepository) {
    this.engine = engine;
    this.mavenRepository = mavenRepository;
  }

  static List<Segment> segments(String cell) {
    List<Segment> segments = new ArrayList<>();
    String stripped = cell.stripLeading();
    if (stripped.startsWith("%%")) {
      int start = cell.length() - stripped.length();
      int eol = cell.indexOf('\n', start);
      String header = cell.substring(start + 2, eol < 0 ? cell.length() : eol).strip();
      String body = eol < 0 ? "" : cell.substring(eol + 1);
      String[] nameArgs = header.split("\\s+", 2);
      segments.add(
          new Segment(
              nameArgs[0],
              nameArgs.length > 1 ? nameArgs[1] : "",
              body,
              start,
              CellSource.lineAt(cell, start),
              true));
      return segments;
    }
    int javaStart = 0;
    int pos = 0;
    while (pos <= cell.length()) {
      int eol = cell.indexOf('\n', pos);
      int end = eol < 0 ? cell.length() : eol;
      String line = cell.substring(pos, end).strip();
      if (line.startsWith("%") && !line.startsWith("%%")) {
        addJava(segments, cell, javaStart, pos);
        String[] nameArgs = line.substring(1).split("\\s+", 2);
        segments.add(
            new Segment(
                nameArgs[0],
                nameArgs.length > 1 ? nameArgs[1].strip() : "",
                "",
                pos,
                CellSource.lineAt(cell, pos),
                false));
        javaStart = end;
      }
      if (eol < 0) {
        break;
      }
      pos = eol + 1;
    }
    addJava(segments, cell, javaStart, cell.length());
    return segments;
  }

  private static void addJava(List<Segment> segments, String cell, int from, int to) {
    String text = cell.substring(from, to);
    if (!text.isBlank()) {
      segments.add(new Segment(null, "", text, from, CellSource.lineAt(cell, from), false));
    }
  }

  /** Replaces magic lines with spaces, so offsets stay valid for analysis of the Java. */
  static String blankMagicLines(String cell) {
    StringBuilder out = new StringBuilder(cell);
    for (Segment s : segments(cell)) {
      if (s.magic() != null && !s.cellMagic()) {
        int eol = cell.indexOf('\n', s.offset());
        int end = eol < 0 ? cell.length() : eol;
        for (int i = s.offset(); i < end; i++) {
          out.setCharAt(i, ' ');
        }
      }
    }
    return out.toString();
  }

  void run(Segment segment, CellSink sink)
      throws MagicException, CellFailed, CellRunner.InterruptedForStop {
    String args = segment.args();
    switch (segment.magic()) {
      case "classpath":
        engine.addToClasspath(Globs.resolve(args, false, "classpath"));
        break;
      case "jars":
        engine.addToClasspath(Globs.resolve(args, true, "jars"));
        break;
      case "maven":
        engine.addToClasspath(new MavenLocal(mavenRepository, sink).resolve(args));
        break;
      case "load":
        load(args);
        break;
      case "sql":
        if (!segment.cellMagic()) {
          throw new MagicException("MAGIC", "%sql is a cell magic: write %%sql <jdbc-url>");
        }
        sql(args, segment.text());
        break;
      default:
        throw new MagicException(
            "MAGIC",
            "unknown magic '%"
                + segment.magic()
                + "'; known: %classpath, %jars, %maven, %load, %%sql");
    }
  }

  private void load(String file) throws MagicException, CellFailed {
    if (file.isBlank()) {
      throw new MagicException("LOAD", "%load needs a file, such as %load helpers.jsh");
    }
    Path path = Path.of(file.strip());
    String source;
    try {
      source = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MagicException(
          "LOAD", "cannot read '" + path.toAbsolutePath() + "': " + e.getMessage());
    }
    EvalError error = engine.evalFile(source);
    if (error != null) {
      throw new CellFailed(error);
    }
  }

  private void sql(String url, String body)
      throws MagicException, CellFailed, CellRunner.InterruptedForStop {
    if (url.isBlank()) {
      throw new MagicException("SQL", "%%sql needs a JDBC URL, such as %%sql jdbc:sqlite:shop.db");
    }
    try {
      engine.runInCell(() -> SqlCell.run(url.strip(), body, engine.cellLoader()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String name = cause.getClass().getName();
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      throw new CellFailed(
          new EvalError(EvalError.Kind.RUNTIME, name, message, List.of(name + ": " + message), 0));
    }
  }
}
