package org.txlab.kernel.engine.core;

import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/** Defines instrumented cell classes in one {@link CellClassLoader}. */
final class CellLoaderDelegate implements LoaderDelegate {

  private final CellClassLoader loader;
  private final Consumer<ClassLoader> onClasspathChange;
  private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
  private boolean compilerOnly;

  CellLoaderDelegate(CellClassLoader loader, Consumer<ClassLoader> onClasspathChange) {
    this.loader = loader;
    this.onClasspathChange = onClasspathChange;
  }

  @Override
  public void load(ClassBytecodes[] classes)
      throws ClassInstallException, EngineTerminationException {
    boolean[] installed = new boolean[classes.length];
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), Instrumenter.instrument(c.bytecodes()));
    }
    try {
      for (int i = 0; i < classes.length; i++) {
        Class<?> klass = loader.loadClass(classes[i].name());
        loaded.put(classes[i].name(), klass);
        installed[i] = true;
        // Resolve now so that errors are reported at definition, as JShell expects.
        klass.getDeclaredMethods();
      }
    } catch (Throwable e) {
      throw new ClassInstallException("load: " + e.getMessage(), installed);
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] classes) {
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), Instrumenter.instrument(c.bytecodes()));
    }
  }

  /** Runs {@code action}, during which classpath additions reach only the compiler. */
  synchronized void compilerOnly(Runnable action) {
    compilerOnly = true;
    try {
      action.run();
    } finally {
      compilerOnly = false;
    }
  }

  @Override
  public synchronized void addToClasspath(String classpath)
      throws EngineTerminationException, InternalException {
    if (compilerOnly) {
      return;
    }
    try {
      for (String entry : classpath.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          loader.addURL(Path.of(entry).toUri().toURL());
        }
      }
    } catch (MalformedURLException e) {
      throw new InternalException("bad classpath entry in " + classpath + ": " + e.getMessage());
    }
    onClasspathChange.accept(loader);
  }

  /**
   * Lets go of the value JShell keeps in a temporary variable ({@code $12}): the static field of
   * the snippet's class that holds it becomes {@code null}.
   *
   * @param name the variable's name
   */
  void forget(String name) {
    for (Class<?> klass : loaded.values()) {
      try {
        java.lang.reflect.Field field = klass.getDeclaredField(name);
        int modifiers = field.getModifiers();
        if (java.lang.reflect.Modifier.isStatic(modifiers)
            && !java.lang.reflect.Modifier.isFinal(modifiers)
            && !field.getType().isPrimitive()) {
          field.setAccessible(true);
          field.set(null, null);
        }
        return;
      } catch (NoSuchFieldException e) {
        // Another snippet's class.
      } catch (ReflectiveOperationException | RuntimeException e) {
        return;
      }
    }
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> klass = loaded.get(name);
    return klass != null ? klass : loader.loadClass(name);
  }
}
