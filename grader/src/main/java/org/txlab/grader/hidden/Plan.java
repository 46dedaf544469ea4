package org.txlab.grader.hidden;

import com.google.gson.JsonObject;

/**
 * How one call of student code runs in its submission JVM.
 *
 * @param failAt the statement that fails with an injected {@code SQLException}; 0 for none
 * @param pauseBefore the statement before which the call pauses until resumed; 0 for none
 * @param park {@code first-write} (stop for good right after the first write, to be killed), {@code
 *     after-return} (stop for good once it returned), or empty
 * @param heldByJudge whether the judge holds a lock this call may wait for (its wait's clock stops
 *     until the judge lets go)
 * @param watch whether to report the call's thread when it blocks on another call or sleeps
 * @param cleanup whether the connections it leaves open are closed before the judge looks
 */
public record Plan(
    int failAt, int pauseBefore, String park, boolean heldByJudge, boolean watch, boolean cleanup) {

  /** A call that runs as it would anywhere, and is cleaned up after. */
  public static final Plan NORMAL = new Plan(0, 0, "", false, false, true);

  /** Returns a copy that fails statement {@code k}. */
  public Plan failing(int k) {
    return new Plan(k, pauseBefore, park, heldByJudge, watch, cleanup);
  }

  /** Returns a copy that pauses before statement {@code k}. */
  public Plan pausing(int k) {
    return new Plan(failAt, k, park, heldByJudge, watch, cleanup);
  }

  /** Returns a copy that parks right after the call's n-th write, to be killed there. */
  public Plan parkingAfterWrite(int n) {
    return new Plan(failAt, pauseBefore, "write:" + n, heldByJudge, watch, cleanup);
  }

  /** Returns a copy that parks once the call returned, to be killed there. */
  public Plan parkingAfterReturn() {
    return new Plan(failAt, pauseBefore, "after-return", heldByJudge, watch, cleanup);
  }

  /** Returns a copy that waits for a lock the judge holds. */
  public Plan againstJudgeLock() {
    return new Plan(failAt, pauseBefore, park, true, true, cleanup);
  }

  /** Returns a copy whose blocked thread is reported. */
  public Plan watched() {
    return new Plan(failAt, pauseBefore, park, heldByJudge, true, cleanup);
  }

  /** Returns a copy that leaves what the code left open (for hygiene tests). */
  public Plan withoutCleanup() {
    return new Plan(failAt, pauseBefore, park, heldByJudge, watch, false);
  }

  /** Returns the plan as the agent reads it. */
  public String json() {
    JsonObject o = new JsonObject();
    o.addProperty("failAt", failAt);
    o.addProperty("pauseBefore", pauseBefore);
    o.addProperty("park", park);
    o.addProperty("heldByJudge", heldByJudge);
    o.addProperty("watch", watch);
    o.addProperty("cleanup", cleanup);
    return o.toString();
  }
}
