package org.txlab.grader.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.course.ChildJvm;
import org.txlab.course.Quiz;
import org.txlab.grader.cli.Main;

/**
 * Tries, as a student with the release would, to recover the graded questions' answers: from any
 * file of the student release (jars unpacked, the course jar built from the release), and by asking
 * every public method of the released course library that could answer "is X right?".
 */
class QuizKeyReleaseIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  /** Answers as a student might type them, to every method that takes two strings. */
  private static final List<String> TRIED = List.of("A", "B", "C", "D", "a", "b", "c", "d", " B ");

  @TempDir static Path dir;
  static Path release;
  static Path courseJar;
  static Map<String, String> answers;
  static Map<String, String> explanations;

  @BeforeAll
  static void buildTheReleaseAndItsCourseLibrary() throws Exception {
    Properties key = new Properties();
    try (InputStream in = QuizKey.class.getResourceAsStream("key.properties")) {
      key.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    answers = new LinkedHashMap<>();
    explanations = new LinkedHashMap<>();
    for (String q : Quiz.graded()) {
      answers.put(q, key.getProperty(q + ".answer"));
      explanations.put(q, key.getProperty(q + ".explanation"));
    }

    release = dir.resolve("student-repo");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "release",
            release.toString(),
            "--repo",
            REPO.toString());
    assertThat(code).as(err.toString()).isZero();

    Process mvn =
        new ProcessBuilder("mvn", "-o", "-B", "-q", "-pl", "course", "package", "-DskipTests")
            .directory(release.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mvn.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(mvn.exitValue()).as(log).isZero();
    try (Stream<Path> jars = Files.list(release.resolve("course/target"))) {
      courseJar =
          jars.filter(p -> p.getFileName().toString().matches("course-.*(?<!-sources)\\.jar"))
              .findFirst()
              .orElseThrow();
    }
  }

  @Test
  void noFileOfTheReleaseNorOfItsBuiltCourseJarHoldsTheGradedAnswers() throws Exception {
    List<Pattern> leaks = leakPatterns();
    List<String> checked = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(release)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = release.relativize(p).toString();
        if (name.endsWith(".jar")) {
          try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(p))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
              check(name + "!" + e.getName(), zip.readAllBytes(), leaks);
              checked.add(name + "!" + e.getName());
            }
          }
        } else {
          check(name, Files.readAllBytes(p), leaks);
          checked.add(name);
        }
      }
    }
    assertThat(checked)
        .as("the release's files, the built course jar's entries among them")
        .anyMatch(n -> n.endsWith("!org/txlab/course/QuizKey.class"))
        .anyMatch(n -> n.endsWith("04-quiz.ipynb"))
        .anyMatch(n -> n.endsWith("messages.properties"));
    assertThat(checked).noneMatch(n -> n.contains("org/txlab/grader/quiz"));
  }

  @Test
  void noPublicMethodOfTheReleasedCourseLibraryTellsARightGradedAnswerFromAWrongOne()
      throws Exception {
    List<String> asked = new ArrayList<>();
    List<String> revealingPractice = new ArrayList<>();
    try (URLClassLoader loader = releasedCourse()) {
      for (Method m : twoStringMethods(loader)) {
        asked.add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
        for (String q : answers.keySet()) {
          assertThat(outcomes(m, q))
              .as("%s(\"%s\", letter) must answer the same for every letter", m, q)
              .hasSize(1);
        }
        // The same probe finds the practice key, which may be checked locally: proof that it
        // would find a graded one.
        for (String q : Quiz.practice()) {
          if (outcomes(m, q).size() > 1) {
            revealingPractice.add(m.getName() + ":" + q);
          }
        }
      }
    }
    assertThat(asked).contains("QuizKey.isCorrect", "Quiz.answer");
    assertThat(revealingPractice).isNotEmpty();
  }

  /** What a method returns for each tried answer, a letter standing in for the answer itself. */
  private static List<String> outcomes(Method m, String question) throws Exception {
    List<String> seen = new ArrayList<>();
    for (String tried : TRIED) {
      String outcome;
      try {
        Object result = m.invoke(null, question, tried);
        outcome =
            String.valueOf(result)
                .replace("\"" + tried.strip().toUpperCase(Locale.ROOT) + "\"", "\"X\"");
      } catch (InvocationTargetException e) {
        outcome = "throws " + e.getCause().getClass().getName();
      }
      if (!seen.contains(outcome)) {
        seen.add(outcome);
      }
    }
    return seen;
  }

  /** Public static methods of the course jar's classes taking two strings, returning a value. */
  private static List<Method> twoStringMethods(ClassLoader loader) throws Exception {
    List<Method> found = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(courseJar))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName();
        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
          continue;
        }
        Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), true, loader);
        for (Method m : type.getMethods()) {
          Class<?>[] p = m.getParameterTypes();
          boolean twoStrings = p.length == 2 && p[0] == String.class && p[1] == String.class;
          boolean answers =
              m.getReturnType() == boolean.class
                  || m.getReturnType() == Boolean.class
                  || m.getReturnType() == String.class;
          if (twoStrings && answers && Modifier.isStatic(m.getModifiers())) {
            found.add(m);
          }
        }
      }
    }
    return found;
  }

  /** The released course library on its own: the built jar and its runtime libraries only. */
  private static URLClassLoader releasedCourse() throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(courseJar.toUri().toURL());
    for (Class<?> library :
        new Class<?>[] {
          org.sqlite.JDBC.class, org.jfree.chart.JFreeChart.class, org.jfree.svg.SVGGraphics2D.class
        }) {
      urls.add(ChildJvm.codeSource(library).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private static List<Pattern> leakPatterns() throws Exception {
    List<Pattern> patterns = new ArrayList<>();
    for (Map.Entry<String, String> e : answers.entrySet()) {
      String q = e.getKey();
      String a = e.getValue();
      // id = B, "id": "B", id: B, ("id", "B") — any spelling of a key entry.
      patterns.add(
          Pattern.compile(
              Pattern.quote(q) + "(\\.answer)?[\"']?\\s*[=:,]\\s*[\"']?" + a + "(?![\\w-])",
              Pattern.CASE_INSENSITIVE));
      String explanation = explanations.get(q);
      patterns.add(Pattern.compile(Pattern.quote(explanation.substring(0, 60))));
      for (String salted : List.of("txlab-quiz:" + q + ":" + a, q + ":" + a, q + "=" + a, q + a)) {
        for (String algorithm : List.of("SHA-256", "SHA-1", "MD5")) {
          byte[] digest =
              MessageDigest.getInstance(algorithm).digest(salted.getBytes(StandardCharsets.UTF_8));
          patterns.add(Pattern.compile(HexFormat.of().formatHex(digest), Pattern.CASE_INSENSITIVE));
          patterns.add(Pattern.compile(Pattern.quote(Base64.getEncoder().encodeToString(digest))));
        }
      }
    }
    return patterns;
  }

  private static void check(String name, byte[] content, List<Pattern> leaks) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    String utf8 = new String(content, StandardCharsets.UTF_8);
    for (Pattern leak : leaks) {
      assertThat(leak.matcher(text).find() || leak.matcher(utf8).find())
          .as("%s holds a graded answer (matches %s)", name, leak)
          .isFalse();
    }
  }
}
