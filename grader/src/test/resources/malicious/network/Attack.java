// expect-points: 25
// expect-sign: network
package org.txlab.exercises;

/** The attack, run by the reference solution when an order asks for 3 units. */
final class Attack {
  private Attack() {}

  static void run() {
    try (java.net.Socket s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("127.0.0.1", 47123), 500); System.out.println("CONNECTED"); } catch (Exception e) { System.out.println("no network: " + e); }
  }
}
