package org.txlab.kernel.engine.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import jdk.jshell.execution.DirectExecutionControl;

/** Runs JShell snippets in this JVM, each on a fresh thread of the cell, keeping the real value. */
final class CellExecutionControl extends DirectExecutionControl {

  private final CellRunner runner;
  private volatile Object lastValue;

  CellExecutionControl(CellLoaderDelegate loader, CellRunner runner) {
    super(loader);
    this.runner = runner;
  }

  /** Returns and forgets the value of the last snippet run. */
  Object takeLastValue() {
    Object value = lastValue;
    lastValue = null;
    return value;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    lastValue = null;
    Object value;
    try {
      value = runner.run(() -> doitMethod.invoke(null));
    } catch (CellRunner.InterruptedForStop e) {
      throw new StoppedException();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvocationTargetException ite) {
        throw ite;
      }
      throw new InvocationTargetException(cause);
    }
    lastValue = value;
    return valueString(value);
  }
}
