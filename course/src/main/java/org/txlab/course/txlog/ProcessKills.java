package org.txlab.course.txlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.txlab.course.ChildJvm;
import org.txlab.txlog.Store;

/**
 * Real process crashes of a store: a child JVM runs it on a {@link RealDisk} over a real folder and
 * is killed with SIGKILL right before one of its disk calls, once for every call; each folder it
 * leaves is compared with the crash model's {@link CrashImages.Kind#PROCESS} image at that point,
 * and recovered by a fresh store in this JVM.
 *
 * <pre>{@code
 * ProcessKills.atEveryCall(NaiveLog.class, workload, Scratch.dir("kills"), Duration.ofSeconds(30))
 * }</pre>
 *
 * <p>The class may be declared in a notebook cell: its class files are handed to the child.
 */
public final class ProcessKills {

  /**
   * One kill.
   *
   * @param killed where the child was killed, e.g. {@code before disk call 3 (append 10 bytes to
   *     log)}
   * @param commitsReturned how many of its commits had returned by then
   * @param sameAsModel whether the folder held exactly the model's process-crash image there
   * @param recovered what a fresh store recovered from the folder, or what {@code recover()} threw
   * @param verdict the verdict on that recovery
   */
  public record Kill(
      String killed,
      int commitsReturned,
      boolean sameAsModel,
      String recovered,
      CrashCheck.Verdict verdict) {}

  private ProcessKills() {}

  /**
   * Kills a store's run once right before each of its disk calls, and once after its last.
   *
   * @param type the store's class, with a constructor taking a {@link org.txlab.txlog.Disk}
   * @param w the workload it runs after recovering on an empty folder
   * @param dir an empty folder for the runs' folders (one per kill)
   * @param timeout how long a child may take to reach its kill point
   * @return one kill per call, and the one after the last
   * @throws IOException if a folder cannot be read
   * @throws IllegalStateException if the store fails on the recording disk
   */
  public static List<Kill> atEveryCall(
      Class<? extends Store> type, Workload w, Path dir, Duration timeout) throws IOException {
    Trace trace = record(type, w);
    List<CrashCheck.Point> points = CrashCheck.points(trace);
    List<Map<String, String>> states = w.states(Map.of());
    List<String> names = trace.fileNames();
    List<Path> classpath = ChildJvm.classpathOf(type, dir);
    List<Kill> kills = new ArrayList<>();
    DiskModel model = DiskModel.of(trace.start());
    int call = 0;
    for (int k = 0; k <= trace.ops().size(); k++) {
      Op op = k < trace.ops().size() ? trace.ops().get(k) : null;
      if (op != null && !op.isCall()) {
        model.apply(op);
        continue;
      }
      call++;
      String killed =
          op == null
              ? "after its last disk call"
              : "before disk call " + call + " (" + op.describe(names.get(k)) + ")";
      Path folder = dir.resolve("kill-" + call);
      DiskImage left = killBefore(type, w, folder, classpath, call, timeout);
      TxRun.Recovery r = recover(type, folder);
      CrashCheck.Verdict v = CrashCheck.judge(r.state(), states, points.get(k));
      kills.add(
          new Kill(
              killed,
              points.get(k).acked(),
              left.equals(model.visible()),
              r.state() == null ? "threw " + r.error() : States.show(r.state()),
              v));
      if (op != null) {
        model.apply(op);
      }
    }
    return kills;
  }

  /** Runs the workload on a recording disk: the calls the real run will make, numbered. */
  private static Trace record(Class<? extends Store> type, Workload w) {
    RecordingDisk disk = RecordingDisk.of(DiskImage.empty(), CrashReport.MAX_OPS);
    TxRun.Result r;
    try {
      Store store = StoreProcess.create(type, disk);
      store.recover();
      r = TxRun.run(store, disk, w);
    } catch (Exception e) {
      throw new IllegalStateException(
          type.getSimpleName() + " fails on an empty disk: " + TxRun.describe(e), e);
    }
    if (!r.completed()) {
      throw new IllegalStateException(
          type.getSimpleName() + " fails at step " + (r.failedStep() + 1) + ": " + r.error());
    }
    return disk.trace();
  }

  private static DiskImage killBefore(
      Class<? extends Store> type,
      Workload w,
      Path folder,
      List<Path> classpath,
      int call,
      Duration timeout)
      throws IOException {
    Files.createDirectories(folder);
    try (ChildJvm child =
        ChildJvm.builder(StoreProcess.class.getName())
            .classpath(classpath)
            .args(folder.toString(), type.getName(), w.encode())
            .killAt(StoreProcess.BEFORE_CALL + call)
            .label("store")
            .start()) {
      child.awaitKillPoint(timeout);
      child.kill();
    }
    try (RealDisk d = RealDisk.open(folder)) {
      return d.image();
    }
  }

  private static TxRun.Recovery recover(Class<? extends Store> type, Path folder)
      throws IOException {
    try (RealDisk d = RealDisk.open(folder)) {
      Store store = StoreProcess.create(type, d);
      store.recover();
      return new TxRun.Recovery(
          new java.util.TreeMap<>(store.snapshot()), "", new Trace(DiskImage.empty(), List.of()));
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      return new TxRun.Recovery(null, TxRun.describe(e), new Trace(DiskImage.empty(), List.of()));
    }
  }
}
