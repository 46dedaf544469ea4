package org.txlab.course;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.txlab.course.Shop.Product;

/**
 * A child-process scenario: open the {@link FlatFileShop} in a directory and place orders.
 *
 * <p>Arguments: {@code <dir> <append|buffered> <userId> <productId> <quantity> <count>}. Each
 * placed order is acknowledged with a {@link Child#RESULT} signal; after the last one the process
 * passes the kill point {@code "after-acks"} and then exits normally, closing the store.
 *
 * <p>Right before each result the child also sends what it did when, as {@link #SPAN} signals
 * (reading the files, waiting at the start gate, each append), which {@link #race} turns into a
 * {@link Timeline}. {@link ChildJvm#awaitOutcome} skips them; a kill point inside {@code
 * placeOrder} is reached before any of them is sent.
 */
public final class FlatFileProcess {
  /** The kind of the signals that carry a span: {@code start \t end \t kind \t label}. */
  public static final String SPAN = "span";

  /**
   * How a race of flat-file processes ended.
   *
   * @param outcomes each child's result or error, in racer order
   * @param spans what each child did when, in lanes {@code process A}, {@code process B}, …
   */
  public record RaceResult(List<ChildJvm.Signal> outcomes, List<Timeline.Span> spans) {}

  private FlatFileProcess() {}

  /**
   * Runs the scenario.
   *
   * @param args see the class comment
   * @throws Exception if the start barrier fails
   */
  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Path dir = Path.of(args[0]);
    FlatFileShop.Writes writes = FlatFileShop.Writes.valueOf(args[1].toUpperCase());
    long userId = Long.parseLong(args[2]);
    long productId = Long.parseLong(args[3]);
    int quantity = Integer.parseInt(args[4]);
    int count = Integer.parseInt(args[5]);
    FlatFileShop shop;
    try {
      shop = FlatFileShop.open(dir, writes);
    } catch (RuntimeException e) {
      Child.report(null, e);
      return;
    }
    long loaded = System.nanoTime();
    long stock =
        shop.products().stream()
            .filter(p -> p.id() == productId)
            .mapToLong(Product::stock)
            .findFirst()
            .orElse(-1);
    Child.awaitStart();
    long[] last = {System.nanoTime()};
    List<String> spans = new ArrayList<>();
    spans.add(span(started, loaded, "read", "reads both files: stock " + stock));
    spans.add(span(loaded, last[0], "wait", "waits at the start gate"));
    shop.afterEachAppend(
        file -> {
          long now = System.nanoTime();
          String label =
              file.equals(FlatFileShop.PRODUCTS)
                  ? "checks the stock in memory, appends the new stock"
                  : "appends the order";
          spans.add(span(last[0], now, "append " + file, label));
          last[0] = now;
        });
    for (int i = 0; i < count; i++) {
      String order = null;
      RuntimeException error = null;
      try {
        order = "order " + shop.placeOrder(userId, productId, quantity).id();
      } catch (RuntimeException e) {
        error = e;
      }
      spans.forEach(span -> Child.signal(SPAN, span));
      spans.clear();
      Child.report(order, error);
      last[0] = System.nanoTime();
    }
    Child.killPoint("after-acks");
    shop.close();
  }

  /**
   * Starts one child per builder behind a start gate, releases them together and returns how each
   * ended and what each did when (like {@link Race#processes}, plus the spans).
   *
   * @param racers the children; {@link ChildJvm.Builder#barrier()} is set on each
   * @param timeout how long starting and racing may take, per child
   * @return outcomes and spans
   * @throws ChildJvmException if a child dies or hangs
   */
  public static RaceResult race(List<ChildJvm.Builder> racers, Duration timeout) {
    List<ChildJvm> children = new ArrayList<>();
    try {
      for (ChildJvm.Builder racer : racers) {
        children.add(racer.barrier().start());
      }
      for (ChildJvm child : children) {
        child.await(Child.READY, timeout);
      }
      children.forEach(ChildJvm::go);
      List<ChildJvm.Signal> outcomes = new ArrayList<>();
      List<Timeline.Span> spans = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        String lane = "process " + (char) ('A' + i);
        while (true) {
          ChildJvm.Signal signal = children.get(i).next(timeout);
          if (signal.kind().equals(SPAN)) {
            String[] f = signal.payload().split("\t", 4);
            spans.add(
                new Timeline.Span(lane, Long.parseLong(f[0]), Long.parseLong(f[1]), f[3], f[2]));
          } else if (signal.kind().equals(Child.RESULT) || signal.kind().equals(Child.ERROR)) {
            outcomes.add(signal);
            break;
          }
        }
      }
      return new RaceResult(outcomes, spans);
    } finally {
      children.forEach(ChildJvm::close);
    }
  }

  private static String span(long start, long end, String kind, String label) {
    return start + "\t" + end + "\t" + kind + "\t" + label;
  }
}
