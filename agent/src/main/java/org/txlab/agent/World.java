package org.txlab.agent;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.txlab.course.Shop;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.course.patterns.ScriptedPayments;
import org.txlab.course.patterns.ScriptedSink;
import org.txlab.outbox.Sink;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.saga.Payments;

/**
 * One hidden test's world inside the submission JVM: a fresh class loader for the student's classes
 * (so static state never leaks from one test into the next), the objects the student's constructors
 * take, and the objects made from them.
 */
final class World implements AutoCloseable {
  /** The prefix of the names of the class loaders that load student classes. */
  static final String STUDENT_LOADER = "txlab-student-";

  final String id;
  final URLClassLoader loader;
  final InstrumentedSource source;
  final CallController controller;
  final Map<String, Object> objects = new ConcurrentHashMap<>();
  volatile ScriptedSink sink;
  volatile ScriptedPayments payments;

  private World(String id, URLClassLoader loader, InstrumentedSource source, CallController c) {
    this.id = id;
    this.loader = loader;
    this.source = source;
    this.controller = c;
  }

  /** A world around one SQLite database file. */
  static World jdbc(String id, List<URL> student, Path db, int busyTimeoutMs, Out out) {
    // Named, so that the watcher can tell the student's frames from the JDK's and the agent's.
    URLClassLoader loader =
        new URLClassLoader(
            STUDENT_LOADER + id, student.toArray(URL[]::new), World.class.getClassLoader());
    CallController controller = new CallController(out);
    InstrumentedSource source = new InstrumentedSource(Shop.source(db, busyTimeoutMs), controller);
    return new World(id, loader, source, controller);
  }

  /** Returns the world's object of a constructor parameter type, or null if it has none. */
  Object provide(Class<?> type) {
    if (type == ConnectionSource.class) {
      return source;
    }
    if (type == Sink.class) {
      return sink;
    }
    return type == Payments.class ? payments : null;
  }

  @Override
  public void close() throws IOException {
    source.closeLeaked();
    loader.close();
  }
}
