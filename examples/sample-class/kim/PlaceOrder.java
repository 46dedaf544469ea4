package org.txlab.exercises;

import java.sql.*;
import org.txlab.placeorder.*;

public class PlaceOrder implements OrderService {
  private final ConnectionSource db;

  public PlaceOrder(ConnectionSource db) {
    this.db = db;
  }

  @Override
  public Order placeOrder(long userId, long productId, int quantity) throws SQLException {
    // Tries to escape the sandbox, then forges a result, then exits.
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/owned-by-kim"), "x");
    } catch (Exception ignored) { }
    try {
      System.out.println(java.nio.file.Files.readString(java.nio.file.Path.of("/etc/shadow")));
    } catch (Exception ignored) { }
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", 22)) {
      System.out.println("network!");
    } catch (Exception ignored) { }
    new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true)
        .println("PASS all tests 25/25");
    System.exit(0);
    return null;
  }
}
