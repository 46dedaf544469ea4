package org.txlab.grader.suite;

/** What a hidden test checks, as a student would name it in feedback. */
public enum Category {
  /** The happy path, rejections and validation. */
  FUNCTIONAL,
  /** All or nothing, under injected failures and real crashes. */
  ATOMICITY,
  /** Concurrent callers: never oversold, losers rejected cleanly. */
  ISOLATION,
  /** A placed order survives a crash; durability settings left on. */
  DURABILITY,
  /** Connections closed, no transaction left open, the next call works. */
  HYGIENE
}
