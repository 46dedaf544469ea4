package org.txlab.course.txlog;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.txlab.course.Child;
import org.txlab.txlog.Disk;
import org.txlab.txlog.Store;

/**
 * A child-process scenario for {@link ProcessKills}: a store on a {@link RealDisk} over a real
 * folder recovers, then runs a workload.
 *
 * <p>Arguments: {@code <folder> <store class> <encoded workload>}. The class needs a constructor
 * taking a {@link Disk} (any visibility). Kill points: {@code before-call-N}, right before the
 * store's N-th disk call (from 1), and {@code before-call-M} for M one past its last call, once the
 * workload has run.
 */
public final class StoreProcess {
  /** The kill points' prefix: {@code before-call-7} parks right before disk call 7. */
  public static final String BEFORE_CALL = "before-call-";

  private StoreProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the store cannot be made
   */
  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName(args[1], true, Thread.currentThread().getContextClassLoader());
    Workload w = Workload.decode(args[2]);
    try (RealDisk disk = RealDisk.open(Path.of(args[0]), n -> Child.killPoint(BEFORE_CALL + n))) {
      Store store = create(type, disk);
      store.recover();
      TxRun.Result r = TxRun.run(store, null, w);
      Child.killPoint(BEFORE_CALL + (disk.calls() + 1));
      Child.signal(
          r.completed() ? Child.RESULT : Child.ERROR,
          r.completed() ? r.commits() + " commits" : r.error());
    }
  }

  /**
   * Makes a store of a class by its constructor taking a {@link Disk}.
   *
   * @param type the class
   * @param disk the disk
   * @return the store
   * @throws ReflectiveOperationException if there is no such constructor, or it threw
   */
  static Store create(Class<?> type, Disk disk) throws ReflectiveOperationException {
    Constructor<?> c = type.getDeclaredConstructor(Disk.class);
    // A class declared in a notebook cell is not public; its constructor need not be either.
    c.setAccessible(true);
    return (Store) c.newInstance(disk);
  }
}
