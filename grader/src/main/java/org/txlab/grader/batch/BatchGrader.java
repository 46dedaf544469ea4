package org.txlab.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.txlab.grader.intake.StudentSubmission;
import org.txlab.grader.judge.Hashes;
import org.txlab.grader.sandbox.Sandbox;
import org.txlab.grader.sandbox.Slot;

/**
 * Grades a class, {@code --jobs} hand-ins at a time, each in a slot of its own. A student's result
 * is saved as soon as it is known, keyed by a hash of the hand-in and of everything that affects a
 * grade ({@link Grading#key()}), so a re-run re-grades only what changed and a killed run resumes
 * where it was. A grader-side failure is never cached: it is tried again next run.
 */
public final class BatchGrader {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private final Grading grading;
  private final Path work;
  private final Path state;
  private final int jobs;
  private final PrintWriter progress;

  /**
   * Creates a batch grader.
   *
   * @param grading how one hand-in is graded
   * @param work the work directory (student files, classes, slots)
   * @param state where per-student results are kept between runs
   * @param jobs how many students at a time
   * @param progress where progress lines go
   */
  public BatchGrader(Grading grading, Path work, Path state, int jobs, PrintWriter progress) {
    this.grading = grading;
    this.work = work;
    this.state = state;
    this.jobs = Math.max(1, jobs);
    this.progress = progress;
  }

  /**
   * Grades every submission; never stops for one bad submission.
   *
   * @param submissions from the intake
   * @return one result per submission, in the same order
   * @throws IOException if the work or state directory cannot be written
   * @throws InterruptedException if interrupted
   */
  public List<StudentResult> grade(List<StudentSubmission> submissions)
      throws IOException, InterruptedException {
    Files.createDirectories(state);
    Path stage = grading.sandbox().stage();
    Path slots = stage != null ? stage.resolve("slots") : work.resolve(".slots");
    Sandbox.cleanStale(slots);
    BlockingQueue<Slot> free = new ArrayBlockingQueue<>(jobs);
    List<Slot> all = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      for (int i = 0; i < jobs; i++) {
        Slot slot = grading.sandbox().openSlot(i, slots);
        all.add(slot);
        free.add(slot);
      }
      // Warm the compiler while the submission JVMs' archive is built: the first hand-ins then
      // pay no warm-up.
      Thread warm = new Thread(Grading::warmCompiler, "javac-warm-up");
      warm.setDaemon(true);
      warm.start();
      grading.launcher().prepare(all.get(0));
      grading
          .launcher()
          .slowStartReason()
          .ifPresent(
              why -> {
                synchronized (progress) {
                  progress.println("Note: submission JVMs will start slower: " + why);
                  progress.flush();
                }
              });
      warm.join(30_000);
      AtomicInteger done = new AtomicInteger();
      long start = System.nanoTime();
      List<Future<StudentResult>> futures = new ArrayList<>();
      for (StudentSubmission s : submissions) {
        futures.add(
            pool.submit(
                () -> {
                  Slot slot = free.take();
                  try {
                    boolean[] cached = {false};
                    StudentResult r = gradeOne(s, slot, cached);
                    report(done.incrementAndGet(), submissions.size(), start, r, cached[0]);
                    return r;
                  } finally {
                    free.add(slot);
                  }
                }));
      }
      List<StudentResult> results = new ArrayList<>();
      for (Future<StudentResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw new IOException(
              "the grader could not save a result: " + e.getCause(), e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
      all.forEach(Slot::close);
    }
  }

  private void report(int done, int total, long start, StudentResult r, boolean cached) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-3);
    long left = Math.round((total - done) / rate);
    String score;
    if (!r.gradable()) {
      score = "not gradable " + r.problem().split("[ \n]", 2)[0];
    } else {
      int max = r.exercises().stream().mapToInt(ExerciseResult::maxPoints).sum();
      score = r.points() + "/" + max;
    }
    if (!r.attention().isEmpty()) {
      score += " (needs attention)";
    }
    if (cached) {
      score += " (unchanged)";
    }
    synchronized (progress) {
      progress.printf(
          Locale.ROOT,
          "[%d/%d] %-20s %-28s %.2f/s, about %d s left%n",
          done,
          total,
          r.student(),
          score,
          rate,
          left);
      progress.flush();
    }
  }

  private StudentResult gradeOne(StudentSubmission s, Slot slot, boolean[] cached)
      throws IOException {
    String hash = hash(s);
    Path saved = state.resolve(s.student() + ".json");
    if (Files.isRegularFile(saved)) {
      try {
        StudentResult old = GSON.fromJson(Files.readString(saved), StudentResult.class);
        if (old != null && hash.equals(old.hash()) && old.attention().isEmpty()) {
          cached[0] = true;
          return old;
        }
      } catch (IOException | RuntimeException unreadable) {
        // A result from another version, or cut by a killed run: grade again.
      }
    }
    long t0 = System.nanoTime();
    StudentResult r =
        grading
            .grade(s, work.resolve(s.student()), slot, hash)
            .took((System.nanoTime() - t0) / 1_000_000);
    Path tmp = Files.createTempFile(state, ".result", ".tmp");
    Files.writeString(tmp, GSON.toJson(r), StandardCharsets.UTF_8);
    Files.move(tmp, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return r;
  }

  private String hash(StudentSubmission s) throws IOException {
    MessageDigest md = Hashes.digest();
    md.update(grading.key().getBytes(StandardCharsets.UTF_8));
    md.update(String.valueOf(s.problem()).getBytes(StandardCharsets.UTF_8));
    for (Path f : s.files()) {
      md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      md.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
