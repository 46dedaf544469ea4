package org.txlab.course;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many hidden checks each exercise's grading runs, per category, in the grader's order. Only
 * the counts: the course library never holds the hidden checks themselves. A grader test keeps them
 * equal to the grader's plan.
 */
final class SelfCheckHidden {
  private SelfCheckHidden() {}

  static Map<String, Integer> counts(String exercise) {
    Map<String, Integer> c = new LinkedHashMap<>();
    switch (exercise) {
      case "place-order" -> {
        c.put("functional", 5);
        c.put("atomicity", 2);
        c.put("isolation", 3);
        c.put("durability", 2);
        c.put("hygiene", 3);
      }
      case "cart-checkout" -> {
        c.put("functional", 6);
        c.put("atomicity", 3);
        c.put("isolation", 2);
        c.put("durability", 2);
        c.put("hygiene", 2);
      }
      case "idempotent-checkout" -> {
        c.put("functional", 5);
        c.put("atomicity", 2);
        c.put("idempotency", 2);
        c.put("isolation", 2);
        c.put("durability", 2);
        c.put("hygiene", 3);
      }
      case "outbox" -> {
        c.put("functional", 4);
        c.put("atomicity", 2);
        c.put("delivery", 5);
        c.put("isolation", 1);
        c.put("durability", 2);
        c.put("hygiene", 3);
      }
      case "txlog" -> {
        c.put("functional", 3);
        c.put("atomicity", 2);
        c.put("durability", 2);
        c.put("recovery", 2);
        c.put("rotation", 3);
        c.put("hygiene", 1);
      }
      case "compensation" -> {
        c.put("functional", 3);
        c.put("compensation", 3);
        c.put("atomicity", 3);
        c.put("recovery", 3);
        c.put("idempotency", 2);
        c.put("hygiene", 2);
      }
      default ->
          throw new IllegalArgumentException(
              "[SELFCHECK] no exercise '"
                  + exercise
                  + "'; the exercises are place-order, cart-checkout, idempotent-checkout, outbox, compensation, txlog");
    }
    return c;
  }
}
