package org.txlab.agent;

import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.txlab.course.txlog.DiskImage;
import org.txlab.course.txlog.RealDisk;
import org.txlab.course.txlog.RecordingDisk;
import org.txlab.course.txlog.TxRun;
import org.txlab.course.txlog.Workload;
import org.txlab.txlog.Disk;
import org.txlab.txlog.Store;

/**
 * The txlog exercise's commands: the student's store runs a workload on a recording disk, recovers
 * crash images, or runs on a real folder until the judge kills the JVM. Each store lives in a class
 * loader of its own, as after a real restart: no static state survives from one image to the next.
 */
final class TxLogCommands {
  /** How a {@code null} read travels (LineCodec fields cannot be null). */
  static final String NULL = "\u0000null";

  private TxLogCommands() {}

  /**
   * {@code TXLOG_RUN <class> <max ops> <workload> [<start image>]}: recovers the store on the image
   * (empty if none), runs the workload, and answers the run's result and its trace.
   */
  static List<String> run(List<URL> student, String impl, int maxOps, String workload, String start)
      throws Exception {
    Workload w = Workload.decode(workload);
    RecordingDisk disk = RecordingDisk.of(DiskImage.decode(start), maxOps);
    try (URLClassLoader loader = loader(student)) {
      Store store;
      try {
        store = construct(loader, impl, disk);
        store.recover();
      } catch (Exception | StackOverflowError | AssertionError e) {
        return List.of("-1", "-1", TxRun.describe(e), "", "");
      }
      TxRun.Result r = inLoader(loader, () -> TxRun.run(store, disk, w));
      List<String> reads = new ArrayList<>();
      r.reads().forEach(v -> reads.add(v == null ? NULL : v));
      return List.of(
          Integer.toString(r.commits()),
          Integer.toString(r.failedStep()),
          r.error(),
          org.txlab.course.process.LineCodec.join(reads),
          disk.trace().encode());
    }
  }

  /**
   * {@code TXLOG_RECOVER <class> <max ops> <image>…}: answers three fields per image: the state
   * ({@code ""} if recovery threw), the error, and what recovery did on the disk.
   */
  static List<String> recover(List<URL> student, String impl, int maxOps, List<String> images)
      throws Exception {
    List<String> out = new ArrayList<>();
    for (String token : images) {
      try (URLClassLoader loader = loader(student)) {
        Function<Disk, Store> open = d -> construct(loader, impl, d);
        TxRun.Recovery r =
            inLoader(loader, () -> TxRun.recover(open, DiskImage.decode(token), maxOps));
        out.add(r.state() == null ? NULL : org.txlab.course.txlog.States.encode(r.state()));
        out.add(r.error());
        out.add(r.trace().encode());
      }
    }
    return out;
  }

  /**
   * {@code TXLOG_REAL <class> <folder> <park before call> <workload>}: recovers the store on a real
   * folder and runs the workload. With a call number above 0, the disk call of that number never
   * happens: the agent answers {@code OK PARKED} at once and waits for the judge's SIGKILL.
   */
  static List<String> real(
      List<URL> student, String impl, Path dir, int parkBefore, String workload, Runnable parked)
      throws Exception {
    Workload w = Workload.decode(workload);
    try (URLClassLoader loader = loader(student);
        RealDisk disk =
            RealDisk.open(
                dir,
                n -> {
                  if (n == parkBefore) {
                    parked.run();
                    while (true) {
                      LockSupport.park();
                    }
                  }
                })) {
      Store store = construct(loader, impl, disk);
      TxRun.Result r =
          inLoader(
              loader,
              () -> {
                try {
                  store.recover();
                } catch (Exception | StackOverflowError | AssertionError e) {
                  return new TxRun.Result(List.of(), 0, -1, "recover(): " + TxRun.describe(e));
                }
                return TxRun.run(store, null, w);
              });
      String state;
      try {
        state = org.txlab.course.txlog.States.encode(store.snapshot());
      } catch (RuntimeException e) {
        state = NULL;
      }
      return List.of(
          Integer.toString(r.commits()), Integer.toString(r.failedStep()), r.error(), state);
    }
  }

  private static URLClassLoader loader(List<URL> student) {
    return new URLClassLoader(
        World.STUDENT_LOADER + "txlog", student.toArray(URL[]::new), Agent.class.getClassLoader());
  }

  private static <T> T inLoader(ClassLoader loader, java.util.function.Supplier<T> body) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      return body.get();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /** Constructs the student's store with the disk: the constructor whose parameters are Disks. */
  private static Store construct(ClassLoader loader, String impl, Disk disk) {
    try {
      Class<?> type = Class.forName(impl, true, loader);
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        Class<?>[] p = c.getParameterTypes();
        if (p.length == 1 && p[0] == Disk.class) {
          c.setAccessible(true);
          return (Store) c.newInstance(disk);
        }
      }
      throw new IllegalArgumentException(
          impl + " has no constructor that takes a Disk: add " + type.getSimpleName() + "(Disk)");
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw sneaky(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e.toString(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
