package org.txlab.kernel.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.txlab.kernel.engine.core.EngineFactory;

/**
 * A JShell session that evaluates notebook cells in this JVM and returns real objects.
 *
 * <p>{@link #eval} is called by one thread at a time; {@link #interrupt} may be called from any
 * thread while a cell runs.
 */
public interface Engine extends AutoCloseable {

  /**
   * Starts a session.
   *
   * @param config the knobs; never {@code null}
   * @return a ready engine
   */
  static Engine create(EngineConfig config) {
    return EngineFactory.create(config);
  }

  /**
   * Evaluates a cell, collecting its output into the result.
   *
   * @param cell Java source and magics; never {@code null}
   * @return what the cell produced
   */
  default EvalResult eval(String cell) {
    return eval(cell, CellOutput.DISCARD);
  }

  /**
   * Evaluates a cell, streaming its output to {@code out} as it is produced.
   *
   * <p>Output is also collected into the result.
   *
   * @param cell Java source and magics; never {@code null}
   * @param out receives stdout, stderr and display data while the cell runs; never {@code null}
   * @return what the cell produced
   */
  EvalResult eval(String cell, CellOutput out);

  /**
   * Stops the running cell, or the next user code of a cell that is still compiling.
   *
   * <p>An interrupt while no cell is being evaluated does nothing.
   */
  void interrupt();

  /**
   * Adds jars or class directories to the session and registers JDBC drivers found in them.
   *
   * @param paths files or directories; never {@code null}
   */
  void addToClasspath(List<Path> paths);

  /**
   * Suggests completions at a cursor position.
   *
   * @param cell the cell source; never {@code null}
   * @param cursor a character offset into {@code cell}
   * @return the suggestions and the range they replace
   */
  Completion complete(String cell, int cursor);

  /**
   * Describes the symbol at a cursor position: signatures and, if asked, Javadoc.
   *
   * @param cell the cell source; never {@code null}
   * @param cursor a character offset into {@code cell}
   * @param detail whether to include Javadoc
   * @return plain text, or empty if nothing is known there
   */
  Optional<String> inspect(String cell, int cursor, boolean detail);

  /**
   * Tells whether a cell is ready to run, like a console deciding whether Enter runs it.
   *
   * @param cell the cell source; never {@code null}
   * @return the verdict
   */
  Completeness isComplete(String cell);

  /**
   * Returns the class files of every class the cells declared so far, by binary name, as loaded
   * (with the kernel's stop and exit checks woven in, so running them needs this module).
   *
   * <p>The grader writes them to disk to run hidden tests, child JVMs included, against exactly
   * what the cells defined.
   *
   * @return binary name to class file; a copy
   */
  Map<String, byte[]> cellClasses();

  /** Ends the session. */
  @Override
  void close();
}
