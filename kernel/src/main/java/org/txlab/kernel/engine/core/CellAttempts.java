package org.txlab.kernel.engine.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the latest attempt to declare each type went, by the name the cell gave it: compiled, or why
 * not. When a cell's declaration of {@code PlaceOrder} does not compile, JShell keeps the {@code
 * PlaceOrder} of an earlier run, so the name still resolves; this is how the engine knows that it
 * no longer stands for the cell.
 */
final class CellAttempts {
  private final Map<String, Optional<String>> latest = new ConcurrentHashMap<>();

  /** The cell declared {@code name} and it compiled. */
  void compiled(String name) {
    latest.put(name, Optional.empty());
  }

  /** The cell meant to declare {@code name} but did not: {@code why}. */
  void failed(String name, String why) {
    latest.put(name, Optional.of(why));
  }

  /** Returns why the latest attempt to declare {@code name} failed; empty if it compiled. */
  Optional<String> problem(String name) {
    return latest.getOrDefault(name, Optional.empty());
  }
}
