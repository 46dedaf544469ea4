package org.txlab.grader.sources;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.txlab.course.process.JvmCommand;
import org.txlab.placeorder.OrderService;

/**
 * Compiles student {@code .java} files against the course library, in this JVM (javac only reads
 * them: annotation processing is off, so no student code runs here), under a deadline.
 */
public final class SourceCompiler {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  /**
   * File managers that compiled before: each keeps the platform's class index ({@code ct.sym} for
   * {@code --release}) and the library jars open, which a new one reads again (a third of a
   * compile's CPU). One compile at a time uses each; diagnostics go to each task, not to them.
   */
  private static final java.util.concurrent.ConcurrentLinkedQueue<StandardJavaFileManager>
      IDLE_FILE_MANAGERS = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private SourceCompiler() {}

  /** Returns the classpath student code compiles against: the course library, sqlite-jdbc. */
  public static List<Path> libraryClasspath() {
    return List.of(
        JvmCommand.codeSource(OrderService.class), JvmCommand.codeSource(org.sqlite.JDBC.class));
  }

  /**
   * What compiling produced.
   *
   * @param compiled whether any class was written
   * @param errors javac's errors, {@code file:line: error: message} a line; empty if none
   * @param leftOut the files left out because they did not compile
   */
  public record Outcome(boolean compiled, String errors, List<String> leftOut) {}

  /**
   * Compiles every {@code .java} file under {@code sourceDir}; if some do not compile, compiles the
   * others without them (so one broken file costs only the exercises that need it).
   *
   * @param sourceDir where the sources are; searched recursively
   * @param classesDir where the classes go; created
   * @param timeout how long compiling may take in all
   * @return the outcome
   * @throws CompilationFailedException if javac itself fails or takes too long
   * @throws IOException if the files cannot be read or written
   */
  public static Outcome compileWhatCompiles(Path sourceDir, Path classesDir, Duration timeout)
      throws CompilationFailedException, IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(sourceDir)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .map(p -> p.toAbsolutePath().normalize())
              .sorted()
              .toList();
    }
    Files.createDirectories(classesDir);
    StringBuilder errors = new StringBuilder();
    List<String> leftOut = new ArrayList<>();
    List<Path> remaining = new ArrayList<>(sources);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!remaining.isEmpty()) {
      Set<Path> broken = run(sourceDir, remaining, classesDir, errors, deadline);
      if (broken.isEmpty()) {
        return new Outcome(true, errors.toString().strip(), leftOut);
      }
      if (!remaining.removeAll(broken)) {
        // Errors javac could not tie to a file: nothing compiles.
        break;
      }
      broken.forEach(
          p -> leftOut.add(sourceDir.toAbsolutePath().normalize().relativize(p).toString()));
    }
    return new Outcome(false, errors.toString().strip(), leftOut);
  }

  /** Compiles once; returns the files with errors (all, if an error names none). */
  private static Set<Path> run(
      Path sourceDir, List<Path> sources, Path classesDir, StringBuilder errors, long deadline)
      throws CompilationFailedException, IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    FutureTask<Boolean> task;
    StandardJavaFileManager pooled = IDLE_FILE_MANAGERS.poll();
    StandardJavaFileManager files =
        pooled != null
            ? pooled
            : JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    boolean reusable = false;
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn"));
    options.addAll(List.of("-d", classesDir.toString()));
    options.add("-cp");
    options.add(
        String.join(File.pathSeparator, libraryClasspath().stream().map(Path::toString).toList()));
    task =
        new FutureTask<>(
            JAVAC.getTask(
                null,
                files,
                diagnostics,
                options,
                null,
                files.getJavaFileObjectsFromPaths(sources)));
    Thread compiler = new Thread(task, "javac");
    compiler.setDaemon(true);
    compiler.start();
    boolean ok;
    try {
      ok = task.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      reusable = true;
    } catch (TimeoutException e) {
      // javac cannot be interrupted; the daemon thread ends on its own or with the grader.
      throw new CompilationFailedException(
          "[COMPILE_TIMEOUT] javac did not finish compiling your files in time; simplify them");
    } catch (ExecutionException e) {
      throw new CompilationFailedException(
          "[COMPILE_CRASH] javac could not compile your files: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling", e);
    } finally {
      if (reusable) {
        // Forget the sources and outputs of this compile; keep the platform and library indexes.
        files.flush();
        IDLE_FILE_MANAGERS.add(files);
      } else {
        // javac may still run on it (a timeout), or it failed: never lend it again.
        files.close();
      }
    }
    Set<Path> broken = new LinkedHashSet<>();
    if (ok) {
      return broken;
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Path file =
          d.getSource() == null
              ? null
              : Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
      String name =
          file == null
              ? "?"
              : sourceDir.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
      errors
          .append(name)
          .append(':')
          .append(d.getLineNumber())
          .append(": error: ")
          .append(d.getMessage(Locale.ROOT))
          .append('\n');
      broken.add(file == null ? sources.get(0) : file);
    }
    if (broken.isEmpty()) {
      broken.addAll(sources);
    }
    return broken;
  }
}
