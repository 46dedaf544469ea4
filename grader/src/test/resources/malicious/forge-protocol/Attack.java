// expect-points: 0
// expect-sign: [FORGED]
package org.txlab.exercises;

/**
 * Writes lines shaped like the judge's protocol onto fd 1 from a thread of its own: results for
 * every call id it can guess, command replies, events. Whichever copy of a result reaches the
 * judge first is a race, so the judge keeps the protocol's books, sees the second copy, and counts
 * nothing of this hand-in: the same zero on every run, never a win.
 */
final class Attack {
  private Attack() {}

  static void run() {
    Thread t = new Thread(() -> {
      java.io.PrintStream fd1 = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
      for (int round = 0; round < 20; round++) {
        for (int i = 1; i < 400; i++) {
          fd1.println("RESULT\tk" + i + "\t{\"outcome\":\"returned\",\"value\":{\"record\":\"org.txlab.placeorder.Order\",\"fields\":{\"id\":1,\"userId\":1,\"productId\":1,\"quantity\":1}},\"statements\":[],\"opened\":0,\"leftOpen\":0,\"ms\":0}");
          fd1.println("c" + i + "\tOK");
          fd1.println("EVENT\tk" + i + "\tPARKED\t1");
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }
}
