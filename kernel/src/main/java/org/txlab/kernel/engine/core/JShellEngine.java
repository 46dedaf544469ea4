package org.txlab.kernel.engine.core;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import org.txlab.kernel.engine.CellOutput;
import org.txlab.kernel.engine.Completeness;
import org.txlab.kernel.engine.Completion;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;
import org.txlab.kernel.engine.EvalError;
import org.txlab.kernel.engine.EvalResult;

/** The {@link Engine}: one JShell with an in-process execution control. */
final class JShellEngine implements Engine {

  private final CellClassLoader loader;
  private final CellRunner runner;
  private final CellExecutionControl control;
  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final Magics magics;
  private final DriverRegistry drivers = new DriverRegistry();
  private final Map<String, Tracebacks.Origin> origins = new ConcurrentHashMap<>();
  private int cellNumber;
  private CellSink sink;
  private final CellLoaderDelegate delegate;

  JShellEngine(EngineConfig config) {
    CellScope.installStreams();
    this.loader = new CellClassLoader(JShellEngine.class.getClassLoader());
    this.runner = new CellRunner(config.interruptGrace(), config.stopGrace(), loader);
    this.delegate = new CellLoaderDelegate(loader, drivers::registerFrom);
    this.control = new CellExecutionControl(delegate, runner);
    this.shell =
        JShell.builder()
            .executionEngine(new InProcessProvider(control), Map.of())
            .out(new PrintStream(PrintStream.nullOutputStream()))
            .err(new PrintStream(PrintStream.nullOutputStream()))
            .build();
    this.analysis = shell.sourceCodeAnalysis();
    // The compiler needs this JVM's classpath; the cell class loader already sees it (parent).
    delegate.compilerOnly(() -> shell.addToClasspath(Classpath.forCells()));
    this.magics = new Magics(this, config.mavenRepository());
    if (!config.classpath().isEmpty()) {
      addToClasspath(config.classpath());
    }
    EvalResult startup = eval(String.join("\n", config.startupImports()));
    if (!startup.ok()) {
      throw new IllegalStateException(
          "startup imports failed: " + startup.error().orElseThrow().traceback());
    }
    cellNumber = 0;
  }

  @Override
  public synchronized EvalResult eval(String cell, CellOutput out) {
    int number = ++cellNumber;
    CellSink sink = new CellSink(out);
    this.sink = sink;
    runner.beginCell("cell-" + number, sink);
    try {
      Outcome outcome = new Outcome();
      List<Magics.Segment> segments = Magics.segments(cell);
      for (int i = 0; i < segments.size(); i++) {
        if (!evalSegment(segments.get(i), cell, number, sink, outcome)) {
          for (Magics.Segment rest : segments.subList(i + 1, segments.size())) {
            if (rest.magic() == null) {
              notReached(
                  List.of(new CellSource.Piece(rest.text(), rest.offset(), rest.line())),
                  outcome.error);
            }
          }
          break;
        }
      }
      return new EvalResult(
          Optional.ofNullable(outcome.value),
          outcome.hasValue,
          sink.displays(),
          sink.stdoutText(),
          sink.stderrText(),
          Optional.ofNullable(outcome.error));
    } finally {
      runner.endCell();
    }
  }

  /** What the cell has produced so far. */
  private static final class Outcome {
    Object value;
    boolean hasValue;
    EvalError error;
  }

  private boolean evalSegment(
      Magics.Segment segment, String cell, int number, CellSink sink, Outcome outcome) {
    outcome.value = null;
    outcome.hasValue = false;
    if (runner.interruptPending()) {
      outcome.error = interrupted();
      return false;
    }
    if (segment.magic() != null) {
      try {
        magics.run(segment, sink);
      } catch (Magics.MagicException e) {
        outcome.error =
            new EvalError(
                EvalError.Kind.MAGIC,
                e.code(),
                e.getMessage(),
                List.of(e.getMessage()),
                segment.line());
        return false;
      } catch (CellRunner.InterruptedForStop e) {
        outcome.error = interrupted();
        return false;
      } catch (Magics.CellFailed e) {
        outcome.error = e.error();
        return false;
      }
      if (runner.outcome() != CellRunner.Outcome.NONE) {
        outcome.error = interrupted();
        return false;
      }
      return true;
    }
    return evalJava(segment.text(), segment.offset(), cell, number, outcome);
  }

  /** Evaluates Java source that starts at {@code offset} of {@code cell}. */
  boolean evalJava(String code, int offset, String cell, int number, Outcome outcome) {
    List<CellSource.Piece> pieces = CellSource.split(analysis, code, offset, cell);
    for (int i = 0; i < pieces.size(); i++) {
      if (!evalPiece(pieces.get(i), number, outcome)) {
        notReached(pieces.subList(i + 1, pieces.size()), outcome.error);
        return false;
      }
    }
    return true;
  }

  /** Evaluates one snippet; false if the cell must stop there. */
  private boolean evalPiece(CellSource.Piece piece, int number, Outcome outcome) {
    if (runner.interruptPending()) {
      outcome.error = interrupted();
      return false;
    }
    control.takeLastValue();
    List<SnippetEvent> events = shell.eval(piece.source());
    SnippetEvent main = null;
    for (SnippetEvent e : events) {
      if (e.causeSnippet() == null) {
        main = e;
        origins.put(e.snippet().id(), new Tracebacks.Origin(number, piece.line()));
      }
    }
    if (runner.outcome() != CellRunner.Outcome.NONE) {
      outcome.error = interrupted();
      return false;
    }
    if (main == null) {
      return true;
    }
    if (main.status() == Snippet.Status.REJECTED) {
      outcome.error =
          Tracebacks.compile(
              shell.diagnostics(main.snippet()).toList(), piece.source(), piece.line());
      for (String name : declared(main.snippet(), piece)) {
        loader.attempts().failed(name, outcome.error.evalue());
      }
      return false;
    }
    if (main.exception() instanceof UnresolvedReferenceException u) {
      outcome.error = unresolved(u.getSnippet());
      return false;
    }
    if (main.exception() != null) {
      outcome.error = Tracebacks.runtime(main.exception(), origins, number);
      return false;
    }
    boolean recoverable =
        main.status() == Snippet.Status.RECOVERABLE_DEFINED
            || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
    if (recoverable) {
      sink.stderr(
          "Note: "
              + describe(main.snippet())
              + " cannot be used until "
              + missing(main.snippet())
              + " is declared.\n");
    }
    if (main.snippet() instanceof TypeDeclSnippet type) {
      if (recoverable) {
        loader
            .attempts()
            .failed(
                type.name(),
                "line "
                    + piece.line()
                    + ": "
                    + type.name()
                    + " cannot be used until "
                    + missing(type)
                    + " is declared");
      } else {
        loader.attempts().compiled(type.name());
      }
    }
    outcome.hasValue = hasValue(main.snippet());
    outcome.value = outcome.hasValue ? control.takeLastValue() : null;
    if (outcome.value instanceof java.awt.image.RenderedImage
        && main.snippet() instanceof jdk.jshell.VarSnippet v
        && v.name().startsWith("$")) {
      // A chart is shown once, as PNG; kept as $12 it would hold megabytes of pixels for the rest
      // of the session (another copy each time its cell runs again).
      delegate.forget(v.name());
    }
    return true;
  }

  /**
   * The types a rejected snippet meant to declare: JShell's name for a declaration it parsed, else
   * the names in its text (a syntax error leaves no declaration to ask).
   */
  private static List<String> declared(Snippet snippet, CellSource.Piece piece) {
    if (snippet instanceof TypeDeclSnippet type) {
      return List.of(type.name());
    }
    return Declarations.topLevelTypes(piece.source());
  }

  /** Marks the types of snippets a stopped cell never reached as not declared by its last run. */
  private void notReached(List<CellSource.Piece> pieces, EvalError error) {
    for (CellSource.Piece p : pieces) {
      for (String name : Declarations.topLevelTypes(p.source())) {
        loader
            .attempts()
            .failed(
                name,
                "the cell stopped at line "
                    + error.line()
                    + " ("
                    + error.ename()
                    + ": "
                    + error.evalue()
                    + ") before it declared "
                    + name);
      }
    }
  }

  private EvalError unresolved(DeclarationSnippet snippet) {
    String message =
        describe(snippet) + " cannot be used until " + missing(snippet) + " is declared";
    return new EvalError(
        EvalError.Kind.RUNTIME,
        "UnresolvedReference",
        message,
        List.of("UnresolvedReference: " + message),
        0);
  }

  private static String describe(Snippet snippet) {
    return snippet instanceof DeclarationSnippet d ? d.name() : snippet.source().strip();
  }

  private String missing(Snippet snippet) {
    List<String> names =
        snippet instanceof DeclarationSnippet d
            ? shell.unresolvedDependencies(d).toList()
            : List.of();
    return names.isEmpty() ? "what it refers to" : String.join(", ", names);
  }

  private static boolean hasValue(Snippet snippet) {
    return snippet.kind() == Snippet.Kind.EXPRESSION
        || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  private EvalError interrupted() {
    boolean abandoned = runner.outcome() == CellRunner.Outcome.ABANDONED;
    String message =
        abandoned
            ? "the cell was interrupted but a thread of it did not stop and is still running;"
                + " restart the kernel to free it"
            : "the cell was interrupted";
    return new EvalError(
        EvalError.Kind.INTERRUPTED, "CellInterrupted", message, List.of(message), 0);
  }

  /** Evaluates a whole file's Java source for {@code %load}, as part of the current cell. */
  EvalError evalFile(String source) {
    Outcome outcome = new Outcome();
    evalJava(source, 0, source, cellNumber, outcome);
    return outcome.error;
  }

  Object runInCell(java.util.concurrent.Callable<Object> code)
      throws java.util.concurrent.ExecutionException, CellRunner.InterruptedForStop {
    return runner.run(code);
  }

  ClassLoader cellLoader() {
    return loader;
  }

  @Override
  public void interrupt() {
    runner.interrupt();
  }

  @Override
  public synchronized void addToClasspath(List<Path> paths) {
    for (Path p : paths) {
      shell.addToClasspath(p.toAbsolutePath().toString());
    }
  }

  @Override
  public Completion complete(String cell, int cursor) {
    Region r = region(cell, cursor);
    int[] anchor = new int[1];
    List<String> matches =
        analysis.completionSuggestions(r.text, cursor - r.start, anchor).stream()
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .toList();
    return new Completion(matches, r.start + anchor[0], cursor);
  }

  @Override
  public Optional<String> inspect(String cell, int cursor, boolean detail) {
    Region r = region(cell, cursor);
    int at = Math.min(cursor - r.start, r.text.length());
    List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(r.text, at, detail);
    if (docs.isEmpty() && at > 0 && Character.isJavaIdentifierPart(r.text.charAt(at - 1))) {
      // JShell documents a method only inside its call: "Math.max" -> ask about "Math.max(".
      docs = analysis.documentation(r.text.substring(0, at) + "(", at + 1, detail);
    }
    StringBuilder text = new StringBuilder();
    for (SourceCodeAnalysis.Documentation d : docs) {
      text.append(d.signature()).append('\n');
      if (detail && d.javadoc() != null) {
        text.append(d.javadoc()).append('\n');
      }
    }
    return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
  }

  private record Region(String text, int start) {}

  /** The snippet of {@code cell} around {@code cursor}, from its start to the cursor's line end. */
  private Region region(String cell, int cursor) {
    String java = Magics.blankMagicLines(cell);
    int cut = Math.max(0, Math.min(cursor, java.length()));
    int start = 0;
    for (CellSource.Piece p : CellSource.split(analysis, java.substring(0, cut), 0, java)) {
      if (p.offset() <= cut) {
        start = p.offset();
      }
    }
    return new Region(java.substring(start, cut), start);
  }

  @Override
  public Completeness isComplete(String cell) {
    if (cell.strip().startsWith("%%")) {
      return new Completeness(Completeness.Status.COMPLETE, "");
    }
    String remaining = Magics.blankMagicLines(cell);
    while (true) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      switch (info.completeness()) {
        case EMPTY:
          return new Completeness(Completeness.Status.COMPLETE, "");
        case COMPLETE:
        case COMPLETE_WITH_SEMI:
          remaining = info.remaining();
          if (remaining.isBlank()) {
            return new Completeness(Completeness.Status.COMPLETE, "");
          }
          break;
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return new Completeness(Completeness.Status.INCOMPLETE, "    ");
        default:
          return new Completeness(Completeness.Status.INVALID, "");
      }
    }
  }

  @Override
  public void close() {
    runner.close();
    shell.close();
  }

  @Override
  public Map<String, byte[]> cellClasses() {
    return loader.declaredClasses();
  }
}
