package org.txlab.kernel.engine.core;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the engine's own in-process {@link CellExecutionControl}. */
final class InProcessProvider implements ExecutionControlProvider {

  private final CellExecutionControl control;

  InProcessProvider(CellExecutionControl control) {
    this.control = control;
  }

  @Override
  public String name() {
    return "txlab-in-process";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return control;
  }
}
