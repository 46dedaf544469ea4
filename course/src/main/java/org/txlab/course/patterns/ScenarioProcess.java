package org.txlab.course.patterns;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import org.txlab.course.Child;

/**
 * The child side of {@link Scenario#start}: creates the scenario and runs it, then reports its
 * result or its error to the parent.
 *
 * <p>Arguments: {@code <scenario class> [args...]}.
 */
public final class ScenarioProcess {
  private ScenarioProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args the scenario's class, then its arguments
   * @throws Exception if the class cannot be loaded or created
   */
  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName(args[0], true, Thread.currentThread().getContextClassLoader());
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    Scenario scenario = (Scenario) constructor.newInstance();
    Child.awaitStart();
    List<String> rest = List.copyOf(Arrays.asList(args).subList(1, args.length));
    Object result;
    try {
      result = scenario.run(rest);
    } catch (Exception e) {
      Child.report(null, e);
      return;
    }
    Child.report(result, null);
  }
}
