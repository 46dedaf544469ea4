package org.txlab.kernel.engine.core;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the classes JShell compiles from cells, and jars added at run time. */
final class CellClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

  CellClassLoader(ClassLoader parent) {
    super("txlab-cells", new URL[0], parent);
  }

  /** Returns the class files cells declared, by binary name, as loaded (checks woven in). */
  Map<String, byte[]> declaredClasses() {
    return Map.copyOf(declared);
  }

  void declare(String name, byte[] classFile) {
    declared.put(name, classFile);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] classFile = declared.get(name);
    if (classFile != null) {
      return defineClass(name, classFile, 0, classFile.length);
    }
    return super.findClass(name);
  }

  @Override
  public void addURL(URL url) {
    super.addURL(url);
  }
}
