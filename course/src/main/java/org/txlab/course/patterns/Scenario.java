package org.txlab.course.patterns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.txlab.course.CellClasses;
import org.txlab.course.Child;
import org.txlab.course.ChildJvm;

/**
 * A scenario that a notebook cell declares and runs in a real child JVM, to be killed there with
 * SIGKILL: at a named kill point ({@link Child#killPoint}) or where a double's crash hook ({@link
 * #PARK}) stops it. The child runs exactly the class the cell compiled: the kernel hands over the
 * class files its cells declared ({@link CellClasses}).
 *
 * <pre>{@code
 * class Step implements Scenario {
 *   public Object run(List<String> args) throws Exception { ...; Child.killPoint("after-commit"); ... }
 * }
 * try (ChildJvm child = Scenario.start(Step.class, Scratch.dir("kill"), "after-commit", db)) {
 *   child.awaitKillPoint(Duration.ofSeconds(30));
 *   child.kill();
 * }
 * }</pre>
 *
 * <p>The class needs a constructor without parameters, and should use nothing but its own code, the
 * course library and the JDK: a cell's variables do not exist in the child.
 */
public interface Scenario {

  /**
   * Runs the scenario in the child.
   *
   * @param args the arguments given to {@link #start}
   * @return what the child reports as its result
   * @throws Exception reported as the child's error
   */
  Object run(List<String> args) throws Exception;

  /**
   * A crash hook for the course's doubles inside a child: tells the parent where it stopped (as a
   * kill point, so {@link ChildJvm#awaitKillPoint} returns the place) and parks until SIGKILL.
   */
  Crash PARK =
      where -> {
        Child.signal(Child.KILL_POINT, where);
        while (true) {
          LockSupport.park();
        }
      };

  /**
   * Starts a child JVM running a scenario.
   *
   * @param type the scenario's class, typically declared in a notebook cell
   * @param dir a scratch folder for the class files handed to the child and for sqlite-jdbc's
   *     native library, which a killed child leaves behind
   * @param killPoint the kill point to arm, or {@code null} for none
   * @param args the scenario's arguments
   * @return the running child
   */
  static ChildJvm start(
      Class<? extends Scenario> type, Path dir, String killPoint, String... args) {
    List<String> all = new ArrayList<>();
    all.add(type.getName());
    all.addAll(List.of(args));
    ChildJvm.Builder b =
        ChildJvm.builder(ScenarioProcess.class.getName())
            .classpath(ChildJvm.classpathOf(type, dir))
            .label(type.getSimpleName())
            // sqlite-jdbc unpacks its native library here; a killed child cannot delete it.
            .property("org.sqlite.tmpdir", dir.toString())
            .args(all.toArray(String[]::new));
    if (killPoint != null) {
      b.killAt(killPoint);
    }
    return b.start();
  }
}
