package org.txlab.kernel.engine.core;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.txlab.kernel.engine.Displays;

/** Runs the body of a {@code %%sql} cell and shows each query's rows as a table. */
final class SqlCell {

  private SqlCell() {}

  static Object run(String url, String body, ClassLoader cells) throws SQLException {
    try (Connection c = connect(url, cells);
        Statement st = c.createStatement()) {
      for (String sql : body.split(";\\s*(\\n|$)")) {
        if (sql.isBlank()) {
          continue;
        }
        if (st.execute(sql)) {
          CellScope.display(Displays.bundle(st.getResultSet()));
        } else {
          System.out.println(st.getUpdateCount() + " row(s) affected.");
        }
      }
    }
    return null;
  }

  /** Connects through drivers of the cells' class loader too (jars added with {@code %jars}). */
  private static Connection connect(String url, ClassLoader cells) throws SQLException {
    for (Driver d : ServiceLoader.load(Driver.class, cells)) {
      if (d.acceptsURL(url)) {
        Connection c = d.connect(url, new Properties());
        if (c != null) {
          return c;
        }
      }
    }
    return DriverManager.getConnection(url);
  }
}
