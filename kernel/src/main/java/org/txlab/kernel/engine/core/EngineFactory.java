package org.txlab.kernel.engine.core;

import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;

/** Creates engines; the only way in from the API package. */
public final class EngineFactory {

  private EngineFactory() {}

  /**
   * Starts a JShell session that runs cells in this JVM.
   *
   * @param config the knobs; never {@code null}
   * @return the engine
   */
  public static Engine create(EngineConfig config) {
    return new JShellEngine(config);
  }
}
