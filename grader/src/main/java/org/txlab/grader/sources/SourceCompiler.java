package org.txlab.grader.sources;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.txlab.course.ChildJvm;
import org.txlab.placeorder.OrderService;

/** Compiles student {@code .java} files against the course library, in this JVM. */
public final class SourceCompiler {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  private SourceCompiler() {}

  /** Returns the classpath student code compiles and runs against: course library, sqlite-jdbc. */
  public static List<Path> libraryClasspath() {
    return List.of(
        ChildJvm.codeSource(OrderService.class), ChildJvm.codeSource(org.sqlite.JDBC.class));
  }

  /**
   * Compiles every {@code .java} file under {@code sourceDir} into {@code classesDir}.
   *
   * @param sourceDir where the sources are; searched recursively
   * @param classesDir where the classes go; created if missing
   * @throws CompilationFailedException with javac's diagnostics if they do not compile
   * @throws IOException if the files cannot be read or written
   */
  public static void compile(Path sourceDir, Path classesDir)
      throws CompilationFailedException, IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(sourceDir)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    if (sources.isEmpty()) {
      throw new CompilationFailedException("no .java files in " + sourceDir);
    }
    Files.createDirectories(classesDir);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>();
      options.addAll(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8"));
      options.addAll(List.of("-d", classesDir.toString()));
      options.add("-cp");
      options.add(
          String.join(
              File.pathSeparator, libraryClasspath().stream().map(Path::toString).toList()));
      boolean ok =
          JAVAC
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      if (!ok) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            String file =
                d.getSource() == null
                    ? "?"
                    : sourceDir
                        .toAbsolutePath()
                        .relativize(Path.of(d.getSource().toUri()))
                        .toString();
            out.append(file)
                .append(':')
                .append(d.getLineNumber())
                .append(": error: ")
                .append(d.getMessage(Locale.ROOT))
                .append('\n');
          }
        }
        throw new CompilationFailedException(out.toString().strip());
      }
    }
  }
}
