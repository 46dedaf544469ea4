// expect-points: 25
// expect-sign: class loading
package org.txlab.exercises;

/** Looks for the hidden tests' classes in its own JVM, to read how it is judged. */
final class Attack {
  private Attack() {}

  static void run() {
    for (String name : new String[] {"org.txlab.grader.hidden.placeorder.IsolationChecks", "org.txlab.grader.suite.SuiteRunner", "org.txlab.grader.judge.Session"}) {
      try {
        Class.forName(name);
        System.out.println("FOUND " + name);
      } catch (ClassNotFoundException e) {
        System.out.println("not in this JVM: " + name);
      }
    }
  }
}
