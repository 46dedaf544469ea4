package org.txlab.placeorder;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to the shop's database; the caller of {@link #open()} must close them.
 *
 * <p>Implementations of {@link OrderService} get one of these from their caller and open a fresh
 * connection per call: one connection per thread, closed before the call returns.
 */
@FunctionalInterface
public interface ConnectionSource {

  /**
   * Opens a new connection in autocommit mode.
   *
   * @return a new connection; never {@code null}
   * @throws SQLException if the database cannot be opened
   */
  Connection open() throws SQLException;
}
