// expect-points: 22
// expect-sign: TIMEOUT
package org.txlab.exercises;

/** Never returns, but prints a line on both fds every 50 ms: a silence timeout would never fire. */
final class Attack {
  private Attack() {}

  static void run() {
    java.io.PrintStream fd1 = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    while (true) {
      System.out.println("still working...");
      fd1.println("still working...");
      try { Thread.sleep(50); } catch (InterruptedException e) { }
    }
  }
}
