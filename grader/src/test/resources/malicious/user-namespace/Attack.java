// expect-points: 25
// expect-sign: processes
package org.txlab.exercises;

/** Tries to make a user namespace of its own (to remount its view of the files, say). */
final class Attack {
  private Attack() {}

  static void run() {
    for (String[] command : new String[][] {{"unshare", "-U", "-r", "id"}, {"unshare", "-Ur", "true"}}) {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        System.out.println("USERNS " + String.join(" ", command) + " exit=" + p.waitFor() + " " + out.strip());
      } catch (Exception e) {
        System.out.println("USERNS " + String.join(" ", command) + " failed: " + e);
      }
    }
  }
}
