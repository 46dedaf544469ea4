package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.txlab.txlog.Disk;
import org.txlab.txlog.Store;
import org.txlab.txlog.Transaction;

/**
 * Runs a {@link Workload} on a store, marking on a {@link RecordingDisk} where each commit began
 * and returned, so that a crash image knows which commits were acknowledged.
 */
public final class TxRun {
  /** The mark before {@code commit()} of the i-th transaction: {@code commit i}. */
  public static final String COMMIT = "commit ";

  /** The mark after {@code commit()} of the i-th transaction returned: {@code ack i}. */
  public static final String ACK = "ack ";

  /** The mark before {@code checkpoint()}. */
  public static final String CHECKPOINT = "checkpoint";

  /** The mark after {@code checkpoint()} returned. */
  public static final String CHECKPOINTED = "checkpointed";

  /** The mark after {@code recover()} returned. */
  public static final String RECOVERED = "recovered";

  private TxRun() {}

  /**
   * What a run did.
   *
   * @param reads what each read step returned, as {@link Workload#expectedReads} lists them
   * @param commits how many commits returned
   * @param failedStep the step that threw, or -1
   * @param error what it threw ({@code Class: message}), or {@code ""}
   */
  public record Result(List<String> reads, int commits, int failedStep, String error) {

    /** Tells whether every step ran. */
    public boolean completed() {
      return failedStep < 0;
    }
  }

  /**
   * Runs a workload. The store must have recovered already.
   *
   * @param store the store
   * @param disk its disk, to mark on; or {@code null} for a disk that records nothing
   * @param w the workload
   * @return what happened; a throwing step ends the run
   */
  public static Result run(Store store, RecordingDisk disk, Workload w) {
    List<String> reads = new ArrayList<>();
    Transaction tx = null;
    int commits = 0;
    for (int i = 0; i < w.steps().size(); i++) {
      Workload.Step s = w.steps().get(i);
      try {
        switch (s.kind()) {
          case BEGIN -> tx = store.begin();
          case PUT -> tx.put(s.key(), s.value());
          case TX_GET -> reads.add(tx.get(s.key()));
          case GET -> reads.add(store.get(s.key()));
          case SNAPSHOT -> reads.add(States.encode(store.snapshot()));
          case COMMIT -> {
            mark(disk, COMMIT + (commits + 1));
            tx.commit();
            commits++;
            mark(disk, ACK + commits);
            tx = null;
          }
          case ABANDON -> tx = null;
          case CHECKPOINT -> {
            mark(disk, CHECKPOINT);
            store.checkpoint();
            mark(disk, CHECKPOINTED);
          }
          case SETTLE -> {
            if (disk != null) {
              disk.settle();
            }
          }
        }
      } catch (Exception | StackOverflowError | AssertionError e) {
        return new Result(reads, commits, i, describe(e));
      }
    }
    return new Result(reads, commits, -1, "");
  }

  /**
   * What a recovery left.
   *
   * @param state the store's snapshot after {@code recover()}, or {@code null} if it threw
   * @param error what it threw, or {@code ""}
   * @param trace what recovery did on the disk
   */
  public record Recovery(Map<String, String> state, String error, Trace trace) {}

  /**
   * Opens a store on an image and recovers it.
   *
   * @param open makes the store on a disk (the student's constructor)
   * @param image the disk
   * @param maxOps the most disk calls recovery may make
   * @return the state it recovered, and what it wrote
   */
  public static Recovery recover(
      java.util.function.Function<Disk, Store> open, DiskImage image, int maxOps) {
    RecordingDisk disk = RecordingDisk.of(image, maxOps);
    try {
      Store store = open.apply(disk);
      store.recover();
      disk.mark(RECOVERED);
      Map<String, String> state = store.snapshot();
      return new Recovery(Map.copyOf(nonNull(state)), "", disk.trace());
    } catch (Exception | StackOverflowError | AssertionError e) {
      return new Recovery(null, describe(e), disk.trace());
    }
  }

  private static Map<String, String> nonNull(Map<String, String> state) {
    if (state == null) {
      throw new IllegalStateException("snapshot() returned null");
    }
    Map<String, String> m = new java.util.TreeMap<>();
    state.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
    return m;
  }

  private static void mark(RecordingDisk disk, String label) {
    if (disk != null) {
      disk.mark(label);
    }
  }

  /** Describes what student code threw, as {@code Class: message}. */
  public static String describe(Throwable e) {
    Throwable t = e;
    if (t instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null) {
      t = ite.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getName() + (m == null ? "" : ": " + m);
  }
}
