package org.txlab.kernel.engine.core;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Registers JDBC drivers from jars added at run time.
 *
 * <p>{@code DriverManager} scans for drivers once, with the system class loader; without this, a
 * driver in a jar added by {@code %jars} answers "No suitable driver".
 */
final class DriverRegistry {

  private final Set<String> registered = new HashSet<>();

  synchronized void registerFrom(ClassLoader loader) {
    ServiceLoader<Driver> drivers = ServiceLoader.load(Driver.class, loader);
    for (var it = drivers.stream().iterator(); it.hasNext(); ) {
      try {
        ServiceLoader.Provider<Driver> provider = it.next();
        String name = provider.type().getName();
        if (provider.type().getClassLoader() == loader && registered.add(name)) {
          DriverManager.registerDriver(provider.get());
        }
      } catch (ServiceConfigurationError | SQLException e) {
        System.err.println("[DRIVER] could not register a JDBC driver: " + e.getMessage());
      }
    }
  }
}
