package org.txlab.grader.hidden.txlog;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.txlab.course.process.LineCodec;
import org.txlab.course.txlog.CrashSweep;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.States;
import org.txlab.course.txlog.Trace;
import org.txlab.course.txlog.TxRun;
import org.txlab.course.txlog.Workload;
import org.txlab.grader.judge.AgentProcess;
import org.txlab.grader.judge.AgentRefused;
import org.txlab.grader.judge.SubmissionDied;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;

/**
 * Runs the student's store in the submission JVM: a workload on a recording disk (the trace comes
 * back here), recoveries of crash images (each in a fresh class loader there), and runs on a real
 * folder that the test kills. The judge builds every crash image and judges every recovery.
 */
final class TxLogs {
  /** The most disk calls one run may make: far above any honest store's. */
  static final int MAX_RUN_OPS = 20_000;

  /** The most disk calls one recovery may make. */
  static final int MAX_RECOVERY_OPS = 5_000;

  /** The most encoded bytes of images in one command, well below a protocol line's limit. */
  private static final int BATCH_CHARS = 200_000;

  private TxLogs() {}

  /**
   * A recorded run.
   *
   * @param workload what it ran
   * @param result what the store did
   * @param trace every disk call and mark
   */
  record Run(Workload workload, Map<String, String> start, TxRun.Result result, Trace trace) {

    /** Returns the state after each commit (index 0: the state it started from). */
    List<Map<String, String>> states() {
      return workload.states(start);
    }
  }

  /**
   * Runs a workload on a recording disk, failing the test if the store threw.
   *
   * @param suite the suite
   * @param w the workload
   * @param needed why the test needs the run, for the message
   * @return the run
   */
  static Run run(SuiteContext suite, Workload w, String needed) {
    return run(suite, w, needed, DiskImage.empty(), Map.of());
  }

  /**
   * Runs a workload on a recording disk that starts with an image, failing the test if the store
   * threw.
   *
   * @param suite the suite
   * @param w the workload
   * @param needed why the test needs the run, for the message
   * @param start the disk it starts from
   * @param startState what the store must recover from it
   * @return the run
   */
  static Run run(
      SuiteContext suite,
      Workload w,
      String needed,
      DiskImage start,
      Map<String, String> startState) {
    Run r = tryRun(suite, w, start, startState);
    expectOnlyTheDisk(suite);
    if (!r.result().completed()) {
      fail(
          Feedback.get(
              "txlog.runFailed",
              needed,
              r.result().failedStep() < 0
                  ? r.result().error()
                  : describeStep(w, r.result().failedStep()) + " threw " + r.result().error()));
    }
    return r;
  }

  /**
   * Fails the test if a store opened on an empty disk holds something: it keeps its state somewhere
   * else than its Disk (files of its own), where no crash image can reach, so no crash test of it
   * would mean anything.
   */
  private static void expectOnlyTheDisk(SuiteContext suite) {
    TxRun.Recovery empty = recoverer(suite).recover(List.of(DiskImage.empty())).get(0);
    if (empty.state() != null && !empty.state().isEmpty()) {
      fail(Feedback.get("txlog.bypassed", States.show(empty.state())));
    }
  }

  /** Runs a workload; a store that throws ends the run early, as the result says. */
  static Run tryRun(
      SuiteContext suite, Workload w, DiskImage start, Map<String, String> startState) {
    AgentProcess jvm = suite.session().main();
    List<String> reply;
    try {
      reply =
          jvm.command(
              suite.session().callDeadline(),
              "TXLOG_RUN",
              suite.implementation(),
              Integer.toString(MAX_RUN_OPS),
              w.encode(),
              start.encode());
    } catch (AgentRefused e) {
      return fail(
          Feedback.get("construct.failed", simpleName(suite.implementation()), e.getMessage()));
    }
    if (Integer.parseInt(reply.get(0)) < 0) {
      return fail(Feedback.get("txlog.recoverEmpty", reply.get(2)));
    }
    List<String> reads = new ArrayList<>();
    if (!reply.get(3).isEmpty()) {
      for (String f : LineCodec.split(reply.get(3))) {
        reads.add(f.equals(NULL) ? null : f);
      }
    }
    return new Run(
        w,
        startState,
        new TxRun.Result(
            reads, Integer.parseInt(reply.get(0)), Integer.parseInt(reply.get(1)), reply.get(2)),
        Trace.decode(reply.get(4)));
  }

  static final String NULL = "\u0000null";

  /** The most submission JVMs one recoverer may lose while it finds the images that kill one. */
  private static final int MAX_DEATHS = 4;

  /**
   * Returns a recoverer that recovers images in the suite's main submission JVM. A recovery that
   * ends the JVM (it ran out of memory, say) counts as a recovery that threw, for that image only:
   * a batch that dies is split until the deadly images are found, on fresh JVMs, up to {@value
   * #MAX_DEATHS} deaths; images still untried then count as not recovered.
   */
  static CrashSweep.Recoverer recoverer(SuiteContext suite) {
    int[] deaths = {0};
    return images -> {
      List<TxRun.Recovery> out = new ArrayList<>();
      List<String> batch = new ArrayList<>();
      int chars = 0;
      for (DiskImage i : images) {
        String token = i.encode();
        if (!batch.isEmpty() && chars + token.length() > BATCH_CHARS) {
          out.addAll(recoverSafely(suite, batch, deaths));
          batch.clear();
          chars = 0;
        }
        batch.add(token);
        chars += token.length();
      }
      if (!batch.isEmpty()) {
        out.addAll(recoverSafely(suite, batch, deaths));
      }
      return out;
    };
  }

  private static List<TxRun.Recovery> recoverSafely(
      SuiteContext suite, List<String> images, int[] deaths) {
    if (deaths[0] >= MAX_DEATHS) {
      List<TxRun.Recovery> out = new ArrayList<>();
      for (int k = 0; k < images.size(); k++) {
        out.add(
            new TxRun.Recovery(
                null,
                "[NOT_RUN] not recovered: recoveries of earlier crash images ended the JVM "
                    + deaths[0]
                    + " times",
                emptyTrace()));
      }
      return out;
    }
    try {
      return recoverBatch(suite, images);
    } catch (SubmissionDied e) {
      deaths[0]++;
      if (images.size() == 1) {
        return List.of(new TxRun.Recovery(null, e.getMessage(), emptyTrace()));
      }
      int half = images.size() / 2;
      List<TxRun.Recovery> out =
          new ArrayList<>(recoverSafely(suite, images.subList(0, half), deaths));
      out.addAll(recoverSafely(suite, images.subList(half, images.size()), deaths));
      return out;
    }
  }

  private static Trace emptyTrace() {
    return new Trace(DiskImage.empty(), List.of());
  }

  private static List<TxRun.Recovery> recoverBatch(SuiteContext suite, List<String> images) {
    List<String> args = new ArrayList<>();
    args.add(suite.implementation());
    args.add(Integer.toString(MAX_RECOVERY_OPS));
    args.addAll(images);
    List<String> reply =
        suite
            .session()
            .main()
            .command(suite.session().callDeadline(), "TXLOG_RECOVER", args.toArray(String[]::new));
    if (reply.size() != 3 * images.size()) {
      throw new IllegalStateException(
          "TXLOG_RECOVER answered " + reply.size() + " fields for " + images.size() + " images");
    }
    List<TxRun.Recovery> out = new ArrayList<>();
    for (int k = 0; k < images.size(); k++) {
      String state = reply.get(3 * k);
      out.add(
          new TxRun.Recovery(
              state.equals(NULL) ? null : States.decode(state),
              reply.get(3 * k + 1),
              Trace.decode(reply.get(3 * k + 2))));
    }
    return out;
  }

  /**
   * Runs the store on a real folder in a JVM the test may kill.
   *
   * @param suite the suite
   * @param jvm the JVM
   * @param dir the folder (host path)
   * @param parkBefore the disk call to stop before (the JVM is then killed), or 0 to run through
   * @param w the workload
   * @return the reply: {@code PARKED}, or commits, failed step, error and state
   */
  static List<String> real(
      SuiteContext suite, AgentProcess jvm, Path dir, int parkBefore, Workload w) {
    return jvm.command(
        suite.session().callDeadline(),
        "TXLOG_REAL",
        suite.implementation(),
        suite.session().seen(dir),
        Integer.toString(parkBefore),
        w.encode());
  }

  /** Makes a folder for a real-disk run in the submission's scratch. */
  static Path realFolder(SuiteContext suite) {
    try {
      Path dir = suite.session().newDirectory("disk");
      suite.session().slot().own(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Describes a workload's step for a student, e.g. {@code put("stock:1", "9") of commit 2}. */
  static String describeStep(Workload w, int step) {
    int commit = 1;
    for (int i = 0; i < step; i++) {
      if (w.steps().get(i).kind() == Workload.Kind.COMMIT) {
        commit++;
      }
    }
    Workload.Step s = w.steps().get(step);
    return switch (s.kind()) {
      case BEGIN -> "begin() of transaction " + commit;
      case PUT -> "put(\"" + s.key() + "\", …) of transaction " + commit;
      case TX_GET -> "tx.get(\"" + s.key() + "\") of transaction " + commit;
      case GET -> "store.get(\"" + s.key() + "\")";
      case SNAPSHOT -> "snapshot()";
      case COMMIT -> "commit() of transaction " + commit;
      case ABANDON -> "dropping transaction " + commit;
      case CHECKPOINT -> "checkpoint()";
      case SETTLE -> "a quiet time";
    };
  }

  static String simpleName(String className) {
    String s = className.substring(className.lastIndexOf('.') + 1);
    return s.substring(s.lastIndexOf('$') + 1);
  }
}
