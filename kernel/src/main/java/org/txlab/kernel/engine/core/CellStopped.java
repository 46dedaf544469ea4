package org.txlab.kernel.engine.core;

/** Thrown inside a cell's loops after an interrupt the cell did not honour. */
final class CellStopped extends Error {

  private static final long serialVersionUID = 1L;

  CellStopped() {
    super("the cell was stopped by an interrupt", null, false, false);
  }
}
