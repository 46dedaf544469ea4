package org.txlab.course.faults;

import java.util.List;

/**
 * What goes wrong during one call of the code under test. Statement numbers count every JDBC
 * operation of that call from 1 (see {@link org.txlab.course.jdbc.StatementRecord}).
 *
 * @param failAt the statement that throws an {@link java.sql.SQLException} before it reaches the
 *     database; 0 for none
 * @param pauseBefore the statement before which the call stops until the controller resumes it; 0
 *     for none
 * @param parkAfterWrite the call stops for good (to be killed) right after its n-th statement that
 *     changed a row; 0 for never
 */
public record FaultPlan(int failAt, int pauseBefore, int parkAfterWrite) {

  /** No fault. */
  public static final FaultPlan NONE = new FaultPlan(0, 0, 0);

  /**
   * Fails one statement.
   *
   * @param k its number, from 1
   * @return the plan
   */
  public static FaultPlan failing(int k) {
    return new FaultPlan(k, 0, 0);
  }

  /**
   * Pauses the call before one statement.
   *
   * @param k its number, from 1
   * @return the plan
   */
  public static FaultPlan pausing(int k) {
    return new FaultPlan(0, k, 0);
  }

  /**
   * Parks the call right after its n-th write, so that its process can be killed there.
   *
   * @param n which writing statement, from 1
   * @return the plan
   */
  public static FaultPlan parking(int n) {
    return new FaultPlan(0, 0, n);
  }

  /** Tells whether the plan does nothing. */
  public boolean isNone() {
    return equals(NONE);
  }

  /** Describes the plan for messages, e.g. {@code fail statement #3}. */
  public String describe() {
    List<String> parts = new java.util.ArrayList<>();
    if (failAt > 0) {
      parts.add("fail statement #" + failAt);
    }
    if (pauseBefore > 0) {
      parts.add("pause before statement #" + pauseBefore);
    }
    if (parkAfterWrite > 0) {
      parts.add("stop after write #" + parkAfterWrite);
    }
    return parts.isEmpty() ? "no fault" : String.join(", ", parts);
  }
}
