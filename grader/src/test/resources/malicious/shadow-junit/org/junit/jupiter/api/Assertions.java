package org.junit.jupiter.api;

/** A fake that would make every failed assertion pass, if it were ever loaded. */
public final class Assertions {
  private Assertions() {}

  public static <V> V fail(String message) {
    return null;
  }
}
