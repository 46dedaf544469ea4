package org.txlab.grader.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Flags code an instructor should look at: exits, reflection, processes, network, files outside the
 * database, environment, native code, threads. Flags are for review; they never change a score.
 */
public final class IntegrityScan {
  private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

  static {
    RULES.put("exit", Pattern.compile("System\\s*\\.\\s*exit|\\.\\s*halt\\s*\\("));
    RULES.put(
        "reflection",
        Pattern.compile(
            "java\\.lang\\.reflect|\\.setAccessible\\s*\\(|getDeclared(Field|Method)|MethodHandles|Unsafe"));
    RULES.put("class loading", Pattern.compile("ClassLoader|defineClass|Class\\s*\\.\\s*forName"));
    RULES.put(
        "processes",
        Pattern.compile(
            "ProcessBuilder|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec"));
    RULES.put("network", Pattern.compile("java\\.net\\.|\\bSocket\\b|HttpClient|URLConnection"));
    RULES.put(
        "files",
        Pattern.compile(
            "java\\.nio\\.file|java\\.io\\.File|FileOutputStream|FileInputStream|RandomAccessFile"));
    RULES.put(
        "environment", Pattern.compile("System\\s*\\.\\s*getenv|System\\s*\\.\\s*getProperty"));
    RULES.put("native", Pattern.compile("System\\s*\\.\\s*load|loadLibrary|\\bnative\\b"));
    RULES.put("threads", Pattern.compile("new\\s+Thread\\b|ExecutorService|Executors\\."));
    RULES.put(
        "file descriptors",
        Pattern.compile("FileDescriptor\\s*\\.\\s*(out|err|in)\\b|/proc/self/(fd|mem)"));
    RULES.put(
        "shadowing",
        Pattern.compile(
            "^\\s*package\\s+(org\\.junit|org\\.txlab\\.(course|placeorder|cart|txlog|grader|agent|kernel)"
                + "|org\\.assertj|org\\.sqlite|com\\.google\\.gson|java\\.|javax\\.)",
            Pattern.MULTILINE));
  }

  private IntegrityScan() {}

  /**
   * Scans Java sources.
   *
   * @param sources the student's {@code .java} files
   * @return the flags raised, sorted
   * @throws IOException if a file cannot be read
   */
  public static Set<String> scan(List<Path> sources) throws IOException {
    Set<String> flags = new TreeSet<>();
    for (Path p : sources) {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      flags.addAll(scan(text));
    }
    return flags;
  }

  /**
   * Scans one source text.
   *
   * @param text Java source
   * @return the flags raised
   */
  public static Set<String> scan(String text) {
    Set<String> flags = new TreeSet<>();
    RULES.forEach(
        (flag, pattern) -> {
          if (pattern.matcher(text).find()) {
            flags.add(flag);
          }
        });
    return flags;
  }
}
