package org.txlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mybinder.org does, as far as it can be done here: {@code binder/postBuild} run by a
 * throwaway unprivileged user with a clean {@code HOME} on a copy of the repository's tracked
 * files, then a notebook executed through the real Jupyter with the kernel that user installed.
 * Fails if postBuild needs root, files outside the repository and the user's home, or network
 * beyond the package registries (Maven Central).
 */
class BinderIT {
  private static final Path REPO = Path.of(System.getProperty("txlab.notebooks.dir"), "..");

  @TempDir static Path dir;
  private static String user;
  private static Path home;
  private static Path repo;

  @BeforeAll
  static void createUserAndCopyTheRepository() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "creating a throwaway user needs root (CI runs as root)");
    user = "txlab-binder-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    home = dir.resolve("home");
    repo = home.resolve("repo");
    Files.createDirectories(repo);
    // The temp dir is root's 0700 directory: let the user reach its own home inside it.
    run(List.of("chmod", "755", dir.toString()), 30);
    run(
        List.of(
            "useradd",
            "--no-create-home",
            "--home-dir",
            home.toString(),
            "--shell",
            "/bin/bash",
            user),
        30);
    String files = run(List.of("git", "-C", REPO.toString(), "ls-files", "-z"), 60);
    for (String f : files.split("\0")) {
      Path from = REPO.resolve(f);
      if (f.isEmpty() || !Files.isRegularFile(from)) {
        continue;
      }
      Path to = repo.resolve(f);
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
      if (Files.isExecutable(from)) {
        to.toFile().setExecutable(true, false);
      }
    }
    run(List.of("chown", "-R", user + ":" + user, home.toString()), 60);
  }

  @AfterAll
  static void removeUser() throws Exception {
    if (user != null) {
      try {
        run(List.of("pkill", "-KILL", "-u", user), 30, true);
      } catch (IOException e) {
        // No pkill: the user's processes ended with their commands anyway.
      }
      run(List.of("userdel", user), 30, true);
    }
  }

  @Test
  void postBuildInstallsTheKernelWithoutRootAndANotebookRunsOnIt() throws Exception {
    assertThat(repo.resolve("binder/postBuild")).as("binder/postBuild is tracked by git").exists();

    String build = asUser("bash binder/postBuild", 1800);

    assertThat(home.resolve(".local/share/jupyter/kernels/txlab-java/kernel.json"))
        .as("the kernelspec postBuild installed; its output:%n%s", build)
        .exists();
    Path out = home.resolve("out");
    asUser(
        "mkdir -p "
            + out
            + " && /usr/bin/jupyter nbconvert --to notebook --execute"
            + " --ExecutePreprocessor.kernel_name=txlab-java --ExecutePreprocessor.timeout=120"
            + " --output-dir "
            + out
            + " notebooks/01-flat-files.ipynb",
        600);
    String executed = Files.readString(out.resolve("01-flat-files.ipynb"), StandardCharsets.UTF_8);
    assertThat(executed)
        .contains("\"output_type\": \"execute_result\"")
        .contains("between-appends");
  }

  /** Runs a shell command as the throwaway user, in the repository copy, with a clean env. */
  private static String asUser(String command, long timeoutSeconds) throws Exception {
    return run(
        List.of(
            "runuser",
            "-u",
            user,
            "--",
            "env",
            "-i",
            "HOME=" + home,
            "USER=" + user,
            "PATH=/usr/local/bin:/usr/bin:/bin",
            "LANG=C.UTF-8",
            "JAVA_HOME=" + System.getProperty("java.home"),
            "bash",
            "-c",
            "cd " + repo + " && " + command),
        timeoutSeconds);
  }

  private static String run(List<String> command, long timeoutSeconds) throws Exception {
    return run(command, timeoutSeconds, false);
  }

  private static String run(List<String> command, long timeoutSeconds, boolean lenient)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "cmd", ".log");
    Process p =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    if (!lenient) {
      assertThat(done)
          .as("%s finished within %d s; output:%n%s", command, timeoutSeconds, out)
          .isTrue();
      assertThat(p.exitValue()).as("%s exit code; output:%n%s", command, out).isZero();
    }
    return out;
  }
}
