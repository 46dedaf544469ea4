package org.txlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.grader.batch.ExerciseResult;
import org.txlab.grader.batch.StudentResult;
import org.txlab.grader.cli.Main;

/**
 * Malicious submissions graded together with an honest one, in the real sandbox. Each attack must
 * end as declared in its fixture's {@code // expect-points:} and {@code // expect-sign:} lines,
 * nothing outside the work directory may change, and the honest student's result must be the same
 * as when graded alone.
 */
class MaliciousIT {
  private static final Path FIXTURES = Path.of("src/test/resources/malicious");
  private static final Path REFERENCE =
      Path.of("../exercises/src/main/java/org/txlab/exercises/PlaceOrder.java");
  private static final Path SENTINEL = Path.of("/tmp/txlab-malicious-sentinel");
  private static final Path WRITTEN = Path.of("/tmp/txlab-malicious-written");
  private static ServerSocket listener;
  private static final AtomicInteger connections = new AtomicInteger();

  @TempDir static Path dir;

  @BeforeAll
  static void watchTheHost() throws IOException {
    Files.writeString(SENTINEL, "must survive");
    Files.deleteIfExists(WRITTEN);
    // Any free port: the network attack's source names 47123, and is rewritten to this one.
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(200);
    Thread t =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (var s = listener.accept()) {
                  connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                  // Keep listening.
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stopWatching() throws IOException {
    listener.close();
    Files.deleteIfExists(SENTINEL);
  }

  @Test
  void attacksFailAndTheHonestStudentIsUnaffected() throws Exception {
    assumeTrue(
        new Sandbox(SandboxConfig.defaults()).isolated(),
        "bubblewrap is not usable here; .ci/run installs it");
    Path alone = Files.createDirectories(dir.resolve("alone/honest"));
    Files.copy(REFERENCE, alone.resolve("PlaceOrder.java"));
    Path together = Files.createDirectories(dir.resolve("together"));
    Files.createDirectories(together.resolve("honest"));
    Files.copy(REFERENCE, together.resolve("honest/PlaceOrder.java"));
    String reference = Files.readString(REFERENCE);
    String attacked =
        reference.replace(
            "    // BEGIN SOLUTION place-order: implement placeOrder\n",
            "    // BEGIN SOLUTION place-order: implement placeOrder\n"
                + "    if (quantity == 3) {\n      Attack.run();\n    }\n");
    assertThat(attacked).as("the attack call was woven into the reference").isNotEqualTo(reference);
    String withConnection =
        reference.replace(
            "    // BEGIN SOLUTION place-order: implement placeOrder\n",
            "    // BEGIN SOLUTION place-order: implement placeOrder\n"
                + "    if (quantity == 3) {\n      Attack.run(db.open());\n    }\n");
    for (Path f : fixtures()) {
      Path submission = together.resolve(f.getFileName().toString());
      copyTree(f, submission);
      Path attack = submission.resolve("Attack.java");
      Files.writeString(
          attack,
          Files.readString(attack).replace("47123", Integer.toString(listener.getLocalPort())));
      boolean takesConnection =
          Files.readString(f.resolve("Attack.java"))
              .contains("static void run(java.sql.Connection");
      Files.writeString(
          submission.resolve("PlaceOrder.java"), takesConnection ? withConnection : attacked);
    }

    Map<String, StudentResult> aloneResults = grade(dir.resolve("alone"), dir.resolve("out-alone"));
    Map<String, StudentResult> results = grade(together, dir.resolve("out-together"));

    assertThat(results.get("honest").exercise("place-order").orElseThrow().report().results())
        .as("the honest student graded with the attackers")
        .usingRecursiveComparison()
        .ignoringFields("millis")
        .isEqualTo(
            aloneResults.get("honest").exercise("place-order").orElseThrow().report().results());
    assertThat(results.get("honest").points()).as("the honest student's points").isEqualTo(25);
    {
      for (Path f : fixtures()) {
        String name = f.getFileName().toString();
        String source = Files.readString(f.resolve("Attack.java"));
        String points = header(source, "expect-points");
        String sign = header(source, "expect-sign");
        StudentResult r = results.get(name);
        assertThat(r.gradable()).as(name + " is graded: " + r.problem()).isTrue();
        String seen =
            String.join(" ", r.incidents())
                + " "
                + r.flags()
                + " "
                + r.exercises().stream()
                    .flatMap(
                        e ->
                            e.graded()
                                ? e.report().results().stream().map(t -> t.message())
                                : Stream.of(e.problem()))
                    .reduce("", (a, b) -> a + " " + b);
        String failed =
            r.exercises().stream()
                .filter(ExerciseResult::graded)
                .flatMap(e -> e.report().results().stream())
                .filter(t -> !t.passed())
                .map(t -> t.id() + ": " + t.message().lines().findFirst().orElse(""))
                .reduce("", (a, b) -> a + "\n  " + b);
        name = name + " (failed:" + failed + ")";
        if (points.startsWith("<=")) {
          assertThat(r.points())
              .as(name + "'s points")
              .isLessThanOrEqualTo(Integer.parseInt(points.substring(2)));
        } else if (sign.equals("any")) {
          assertThat(r.points())
              .as(name + "'s points")
              .isLessThanOrEqualTo(Integer.parseInt(points));
        } else {
          assertThat(r.points()).as(name + "'s points").isEqualTo(Integer.parseInt(points));
        }
        if (!sign.equals("any")) {
          assertThat(seen).as(name + "'s incidents, flags and messages").contains(sign);
        }
      }
    }
    assertThat(SENTINEL).as("a file outside the work directory").exists();
    assertThat(Files.readString(SENTINEL))
        .as("a file outside the work directory, which an attack linked its journal to")
        .isEqualTo("must survive");
    assertThat(results.get("user-namespace").output())
        .as("what unshare said inside the sandbox")
        .doesNotContain("exit=0");
    assertThat(results.get("load-hidden-classes").output())
        .as("the hidden tests are not in the submission's JVM")
        .doesNotContain("FOUND");
    try (Stream<Path> left = Files.walk(dir.resolve("out-together/.work"))) {
      long bytes =
          left.filter(Files::isRegularFile)
              .mapToLong(
                  p -> {
                    try {
                      return Files.size(p);
                    } catch (IOException e) {
                      return 0;
                    }
                  })
              .sum();
      assertThat(bytes).as("bytes left in the work directory after grading").isLessThan(20L << 20);
    }
    assertThat(WRITTEN).as("a file written outside the work directory").doesNotExist();
    assertThat(Path.of("../README.md")).as("the repository's README").exists();
    assertThat(connections.get()).as("connections from submissions to the host").isZero();
    assertThat(ProcessHandle.allProcesses().filter(MaliciousIT::isLeftoverSleep).count())
        .as("processes left running by the fork bomb")
        .isZero();
  }

  private static List<Path> fixtures() throws IOException {
    try (Stream<Path> list = Files.list(FIXTURES)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static boolean isLeftoverSleep(ProcessHandle p) {
    return p.info().commandLine().map(c -> c.endsWith("sleep 600")).orElse(false);
  }

  private static Map<String, StudentResult> grade(Path in, Path out) throws IOException {
    StringWriter err = new StringWriter();
    StringWriter log = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(log, true),
            new PrintWriter(err, true),
            "grade",
            in.toString(),
            "--out",
            out.toString(),
            // Short enough that the attacks that never end cost little, long enough (a call gets a
            // third) that a loaded CI machine never times out honest code.
            "--test-timeout",
            "15",
            "--exercise",
            "place-order");
    assertThat(code)
        .as(
            "exit code (4 would mean an attack made the grader fail); stdout: %s; stderr: %s; %s",
            log, err, attention(out))
        .isZero();
    Map<String, StudentResult> results = new java.util.TreeMap<>();
    try (Stream<Path> states = Files.list(out.resolve(".state"))) {
      for (Path s : states.filter(p -> p.toString().endsWith(".json")).toList()) {
        StudentResult r = new Gson().fromJson(Files.readString(s), StudentResult.class);
        results.put(r.student(), r);
      }
    }
    return results;
  }

  private static String attention(Path out) throws IOException {
    StringBuilder s = new StringBuilder();
    try (Stream<Path> states = Files.list(out.resolve(".state"))) {
      for (Path f : states.filter(p -> p.toString().endsWith(".json")).toList()) {
        StudentResult r = new Gson().fromJson(Files.readString(f), StudentResult.class);
        if (!r.attention().isEmpty() || r.problem() != null) {
          s.append(r.student())
              .append(": ")
              .append(r.problem())
              .append(" / ")
              .append(r.attention());
          r.exercises().stream()
              .filter(e -> e.report() != null)
              .flatMap(e -> e.report().results().stream())
              .filter(t -> t.graderTrouble())
              .forEach(t -> s.append(" | ").append(t.id()).append(": ").append(t.message()));
          s.append('\n');
        }
      }
    }
    return s.toString();
  }

  private static String header(String source, String key) {
    return source
        .lines()
        .filter(l -> l.startsWith("// " + key + ":"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst()
        .orElseThrow();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
