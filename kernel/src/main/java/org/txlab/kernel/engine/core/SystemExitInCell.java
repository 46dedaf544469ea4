package org.txlab.kernel.engine.core;

/** Thrown instead of ending the kernel when a cell calls {@code System.exit} or alike. */
public final class SystemExitInCell extends Error {

  private static final long serialVersionUID = 1L;

  SystemExitInCell(String call, int status) {
    super(
        call
            + "("
            + status
            + ") was called in a notebook cell; the kernel keeps running. "
            + "Return from the cell or throw an exception instead.");
  }
}
