// expect-points: 25
// expect-sign: reflection
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    try {
      for (String name : new String[] {"org.txlab.grader.sandbox.GradingChild", "org.txlab.grader.sandbox.IsolatedRunner"}) {
        for (java.lang.reflect.Field f : Class.forName(name).getDeclaredFields()) { f.setAccessible(true); if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) { System.out.println(f + " = " + f.get(null)); } }
      }
      System.out.println(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/cmdline"))));
    } catch (Exception e) { System.out.println("reflection failed: " + e); }
  }
}
