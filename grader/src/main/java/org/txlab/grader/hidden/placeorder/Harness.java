package org.txlab.grader.hidden.placeorder;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.txlab.course.ChildJvm;
import org.txlab.course.InstrumentedSource;
import org.txlab.course.PlaceOrderProcess;
import org.txlab.course.Shop;
import org.txlab.grader.hidden.Feedback;
import org.txlab.grader.suite.Submission;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.Order;
import org.txlab.placeorder.OrderService;

/**
 * One hidden test's world: a fresh shop database, the student's class, and calls that are cleaned
 * up after, so that one bug costs points once, in its own category.
 */
final class Harness implements AutoCloseable {
  /** Long enough to outwait the lock holder's ~200 ms; short enough to fail fast. */
  static final int BUSY_TIMEOUT_MS = 2000;

  private static Path template;

  private final Path dir;
  private final Path db;
  private final Submission submission;
  private final URLClassLoader loader;

  Harness(Path dir, Submission submission) {
    this.dir = dir;
    this.db = dir.resolve("shop.db");
    this.submission = submission;
    this.loader = new URLClassLoader(urls(submission.classpath()), Harness.class.getClassLoader());
    try {
      Files.copy(template(), db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of one call of {@code placeOrder}. */
  record Call(String args, Order order, Throwable error) {
    boolean succeeded() {
      return error == null;
    }

    /** Fails the test unless the call returned an order. */
    Order expectOrder() {
      if (error != null) {
        fail(Feedback.get("call.failed", args, error.getClass().getName(), error.getMessage()));
      }
      return order;
    }

    /** Fails the test unless the call threw {@code type}. */
    void expectThrown(Class<? extends Throwable> type) {
      if (error == null) {
        fail(Feedback.get("call.returned", args, type.getSimpleName(), order));
      }
      if (!type.isInstance(error)) {
        fail(
            Feedback.get(
                "call.threwOther",
                args,
                type.getSimpleName(),
                error.getClass().getName(),
                error.getMessage()));
      }
    }
  }

  /**
   * The database's committed content.
   *
   * @param products all products
   * @param orders all orders
   */
  record Snapshot(List<Shop.Product> products, List<Order> orders) {

    /** Fails the test unless {@code after} equals this snapshot. */
    void expectUnchanged(Snapshot after, String when) {
      List<String> changes = new ArrayList<>();
      for (int i = 0; i < products.size(); i++) {
        Shop.Product b = products.get(i);
        Shop.Product a = after.products().get(i);
        if (b.stock() != a.stock()) {
          changes.add("the stock of product " + b.id() + " went " + b.stock() + " → " + a.stock());
        }
      }
      if (!orders.equals(after.orders())) {
        changes.add("the orders table went from " + orders + " to " + after.orders());
      }
      if (!changes.isEmpty()) {
        fail(Feedback.get("state.changed", when, String.join(" and ", changes)));
      }
    }
  }

  /** A new harness for the same submission, with its own fresh database; close it after. */
  Harness fresh() throws IOException {
    return new Harness(Files.createTempDirectory("txlab-test"), submission);
  }

  /** Identifies the submission under test, e.g. for results computed once per submission. */
  String submissionKey() {
    return submission.implementation() + "@" + submission.classpath();
  }

  Path db() {
    return db;
  }

  /** A plain source for the test's own reads and writes. */
  ConnectionSource plain() {
    return Shop.source(db, BUSY_TIMEOUT_MS);
  }

  /** A fresh instrumented source for the student's code. */
  InstrumentedSource instrumented() {
    return new InstrumentedSource(plain());
  }

  Snapshot snapshot() {
    try {
      return new Snapshot(Shop.products(plain()), Shop.orders(plain()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the test database " + db, e);
    }
  }

  /** Creates the student's service over {@code source}. */
  OrderService service(ConnectionSource source) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      return PlaceOrderProcess.create(submission.implementation(), source);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return fail(Feedback.get("unexpected", cause.getClass().getName(), cause.getMessage()));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /**
   * Calls {@code placeOrder} and then closes any connection the call left open on this thread; the
   * hygiene tests use {@link #callWithoutCleanup} instead.
   */
  Call call(InstrumentedSource source, long userId, long productId, int quantity) {
    try {
      return callWithoutCleanup(source, userId, productId, quantity);
    } finally {
      source.closeLeakedBy(Thread.currentThread());
    }
  }

  Call callWithoutCleanup(InstrumentedSource source, long userId, long productId, int quantity) {
    String args = userId + ", " + productId + ", " + quantity;
    OrderService service = service(source);
    try {
      return new Call(args, service.placeOrder(userId, productId, quantity), null);
    } catch (Exception e) {
      return new Call(args, null, e);
    }
  }

  /** Describes a child JVM that places one order with the student's class. */
  ChildJvm.Builder child(long userId, long productId, int quantity) {
    return ChildJvm.builder(PlaceOrderProcess.class.getName())
        .classpath(submission.classpath())
        .property("org.sqlite.tmpdir", dir.toString())
        .property("java.io.tmpdir", dir.toString())
        .args(childArgs(userId, productId, quantity, 1));
  }

  /** The arguments of a {@link PlaceOrderProcess} child placing {@code count} orders. */
  String[] childArgs(long userId, long productId, int quantity, int count) {
    return new String[] {
      db.toString(),
      submission.implementation(),
      Long.toString(userId),
      Long.toString(productId),
      Integer.toString(quantity),
      Integer.toString(count)
    };
  }

  @Override
  public void close() {
    try {
      loader.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    } catch (IOException e) {
      // A leftover temp file is not worth failing a student's test for.
    }
  }

  private static synchronized Path template() {
    if (template == null) {
      try {
        Path d = Files.createTempDirectory("txlab-template");
        Path file = d.resolve("shop.db");
        Shop.create(file);
        file.toFile().deleteOnExit();
        d.toFile().deleteOnExit();
        template = file;
      } catch (IOException | SQLException e) {
        throw new IllegalStateException("cannot create the template shop database", e);
      }
    }
    return template;
  }

  private static URL[] urls(List<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(classpath.get(i).toString(), e);
      }
    }
    return urls;
  }
}
