package org.txlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.cart.CheckoutService;
import org.txlab.course.SelfCheck;
import org.txlab.grader.exercise.Exercise;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.sources.SourceCompiler;
import org.txlab.grader.validate.Variant;
import org.txlab.grader.validate.Variants;
import org.txlab.placeorder.ConnectionSource;
import org.txlab.placeorder.OrderService;
import org.txlab.txlog.Disk;
import org.txlab.txlog.Store;

/**
 * The public self-check against the grader's corpus, loaded with the grader's own {@link Variants}
 * (so the starter is generated as the release generates it): the reference and every honest style
 * pass it, the starter fails every check, and the classic wrong answers each fail the check of the
 * property they break, with a message that says so. The self-check runs in this JVM, as it runs in
 * a notebook; its crash check starts a real child JVM.
 */
class SelfCheckVariantsIT {
  private static final Path REPO = Path.of("..");

  @TempDir Path work;

  /** What the self-check must say about a buggy variant: which checks fail, and a word of why. */
  private record Wrong(String variant, List<String> failing, String saying) {}

  private static final Map<String, List<Wrong>> CLASSIC =
      Map.of(
          "place-order",
          List.of(
              new Wrong(
                  "buggy/no-transaction",
                  List.of("a failure at any of your statements", "killed with SIGKILL"),
                  "vanished"),
              new Wrong(
                  "buggy/deferred-read-then-write",
                  List.of("another order, between any two", "while another connection holds"),
                  "SQLITE_BUSY"),
              new Wrong(
                  "buggy/autocommit-false-deferred",
                  List.of("another order, between any two", "while another connection holds"),
                  "SQLITE_BUSY"),
              new Wrong(
                  "buggy/commit-in-finally",
                  List.of("a failure at any of your statements"),
                  "finally"),
              new Wrong(
                  "buggy/own-connection",
                  List.of(
                      "a failure at any of your statements",
                      "another order, between any two",
                      "while another connection holds"),
                  "around the connections its ConnectionSource opened"),
              new Wrong(
                  "buggy/unwrapped-connection",
                  List.of(
                      "a failure at any of your statements",
                      "another order, between any two",
                      "while another connection holds"),
                  "with statements of the real connection that unwrap returns")),
          "cart-checkout",
          List.of(
              new Wrong(
                  "buggy/commit-per-line",
                  List.of("a failure at any statement, on any line", "killed with SIGKILL"),
                  "one transaction"),
              new Wrong(
                  "buggy/deferred-begin",
                  List.of("another order for the second line"),
                  "SQLITE_BUSY"),
              new Wrong(
                  "buggy/stock-then-orders-transactions",
                  List.of("a failure at any statement, on any line", "killed with SIGKILL"),
                  "vanished"),
              new Wrong(
                  "buggy/own-connection",
                  List.of(
                      "a failure at any statement, on any line",
                      "another order for the second line"),
                  "around the connections its ConnectionSource opened")),
          "idempotent-checkout",
          List.of(
              new Wrong(
                  "buggy/key-stored-after-commit",
                  List.of("a failure at any of your statements, then a retry"),
                  "same transaction"),
              new Wrong(
                  "buggy/keys-in-memory",
                  List.of("killed with SIGKILL right after placeOrder returned"),
                  "committed with the order"),
              new Wrong(
                  "buggy/payload-not-compared",
                  List.of("the same key with another request"),
                  "KeyReusedException"),
              new Wrong(
                  "buggy/rejection-not-stored",
                  List.of("a rejected request replayed"),
                  "Store the rejection")),
          "outbox",
          List.of(
              new Wrong(
                  "buggy/mark-before-send",
                  List.of("a refused message stays pending", "the relay killed with SIGKILL"),
                  "Mark a message"),
              new Wrong(
                  "buggy/message-after-commit",
                  List.of("a failure at any statement of placeOrder"),
                  "one transaction"),
              new Wrong(
                  "buggy/skip-refused",
                  List.of("a refused message stays pending"),
                  "must not overtake it")),
          "txlog",
          List.of(
              new Wrong(
                  "buggy/no-force-at-commit",
                  List.of("every commit that returned survives"),
                  "had returned"),
              new Wrong(
                  "buggy/replays-uncommitted-puts",
                  List.of("a process crash at any disk call"),
                  "no sequence of whole commits"),
              new Wrong("buggy/no-checksum", List.of("a power loss at any disk call"), "torn"),
              new Wrong(
                  "buggy/marker-before-records-forced",
                  List.of("a power loss at any disk call"),
                  "no sequence of whole commits"),
              new Wrong(
                  "buggy/checkpoint-without-syncdir",
                  List.of("a crash at any disk call of checkpoint()"),
                  "before syncDir"),
              new Wrong(
                  "buggy/text-lines-format", List.of("values with newlines"), "with its length")),
          "compensation",
          List.of(
              new Wrong(
                  "buggy/timeout-treated-as-decline",
                  List.of("a charge that times out but lands later"),
                  "voids a charge that lands late"),
              new Wrong(
                  "buggy/compensation-in-two-transactions",
                  List.of("a failure at any statement of a declined checkout"),
                  "Compensate in one transaction"),
              new Wrong(
                  "buggy/resume-restocks-cancelled-orders",
                  List.of("killed with SIGKILL while the charge was on its way"),
                  "a second resume() finds nothing to do")));

  @TestFactory
  Stream<DynamicTest> theSelfCheckPassesHonestCodeAndFailsTheClassicWrongAnswers()
      throws Exception {
    Stream<DynamicTest> all = Stream.empty();
    for (Exercise e : Exercises.all()) {
      List<Variant> variants = Variants.load(e, REPO, work.resolve(e.id()));
      for (Variant v : variants) {
        List<Wrong> wrong =
            CLASSIC.getOrDefault(e.id(), List.of()).stream()
                .filter(w -> w.variant().equals(v.name()))
                .toList();
        if (v.kind() == Variant.Kind.BUGGY && wrong.isEmpty()) {
          // The public self-check covers atomicity and isolation; the corpus also holds
          // durability and hygiene bugs, which only the hidden checks judge.
          continue;
        }
        all =
            Stream.concat(
                all,
                Stream.of(
                    DynamicTest.dynamicTest(
                        e.id() + " " + v.name(),
                        () -> judge(e, v, wrong.isEmpty() ? null : wrong.get(0)))));
      }
    }
    return all;
  }

  private void judge(Exercise e, Variant v, Wrong wrong) throws Exception {
    long start = System.nanoTime();
    SelfCheck.Report report = selfCheck(e, v);
    System.out.printf(
        "self-check of %s %s: %d/%d in %.2f s%n",
        e.id(),
        v.name(),
        report.passedCount(),
        report.checks().size(),
        (System.nanoTime() - start) / 1e9);
    switch (v.kind()) {
      case REFERENCE, HONEST ->
          assertThat(report.passed()).as("the self-check of %s:%n%s", v.name(), report).isTrue();
      case STARTER ->
          assertThat(report.checks())
              .as("the self-check of the starter:%n%s", report)
              .noneMatch(SelfCheck.Check::passed);
      case BUGGY -> {
        assertThat(report.passed()).as("the self-check of %s:%n%s", v.name(), report).isFalse();
        for (String title : wrong.failing()) {
          assertThat(report.checks())
              .as("the self-check of %s fails '%s…':%n%s", v.name(), title, report)
              .anyMatch(c -> c.check().startsWith(title) && !c.passed());
        }
        assertThat(report.checks())
            .as("what the self-check says of %s:%n%s", v.name(), report)
            .filteredOn(c -> !c.passed())
            .anyMatch(c -> c.problem().contains(wrong.saying()));
      }
    }
  }

  private SelfCheck.Report selfCheck(Exercise e, Variant v) throws Exception {
    Path classes = work.resolve("classes").resolve(e.id()).resolve(v.name().replace('/', '-'));
    SourceCompiler.Outcome compiled =
        SourceCompiler.compileWhatCompiles(v.sources(), classes, Duration.ofSeconds(60));
    assertThat(compiled.compiled()).as("%s compiles: %s", v.name(), compiled.errors()).isTrue();
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, SelfCheck.class.getClassLoader());
    String name = "org.txlab.exercises." + e.api().preferredName();
    if (e.id().equals("txlog")) {
      Constructor<?> c = loader.loadClass(name).getDeclaredConstructor(Disk.class);
      c.setAccessible(true);
      return SelfCheck.txlog(
          disk -> {
            try {
              return (Store) c.newInstance(disk);
            } catch (ReflectiveOperationException x) {
              throw new IllegalStateException(x);
            }
          });
    }
    if (e.id().equals("compensation")) {
      Constructor<?> c =
          loader
              .loadClass(name)
              .getDeclaredConstructor(ConnectionSource.class, org.txlab.saga.Payments.class);
      c.setAccessible(true);
      return SelfCheck.compensation(
          (db, payments) -> {
            try {
              return (org.txlab.saga.CheckoutSaga) c.newInstance(db, payments);
            } catch (ReflectiveOperationException x) {
              throw new IllegalStateException(x);
            }
          });
    }
    Constructor<?> constructor =
        loader.loadClass(name).getDeclaredConstructor(ConnectionSource.class);
    constructor.setAccessible(true);
    Function<ConnectionSource, Object> create =
        db -> {
          try {
            return constructor.newInstance(db);
          } catch (ReflectiveOperationException x) {
            throw new IllegalStateException(x);
          }
        };
    return switch (e.id()) {
      case "place-order" -> SelfCheck.placeOrder(db -> (OrderService) create.apply(db));
      case "cart-checkout" -> SelfCheck.checkout(db -> (CheckoutService) create.apply(db));
      case "idempotent-checkout" ->
          SelfCheck.idempotentCheckout(
              db -> (org.txlab.idempotency.IdempotentOrderService) create.apply(db));
      case "outbox" -> {
        Constructor<?> relay =
            loader
                .loadClass("org.txlab.exercises.OutboxRelay")
                .getDeclaredConstructor(ConnectionSource.class, org.txlab.outbox.Sink.class);
        relay.setAccessible(true);
        yield SelfCheck.outbox(
            db -> (org.txlab.outbox.OutboxOrderService) create.apply(db),
            (db, sink) -> {
              try {
                return (org.txlab.outbox.Relay) relay.newInstance(db, sink);
              } catch (ReflectiveOperationException x) {
                throw new IllegalStateException(x);
              }
            });
      }
      default -> throw new IllegalStateException("no self-check for " + e.id());
    };
  }
}
