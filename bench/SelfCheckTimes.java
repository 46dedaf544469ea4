import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.txlab.course.SelfCheck;
import org.txlab.course.Shop;
import org.txlab.exercises.Checkout;
import org.txlab.exercises.IdempotentPlaceOrder;
import org.txlab.exercises.OutboxPlaceOrder;
import org.txlab.exercises.OutboxRelay;
import org.txlab.exercises.PaymentCheckout;
import org.txlab.exercises.PlaceOrder;
import org.txlab.exercises.TxStore;

/**
 * Times each exercise's public self-check against its reference in one JVM, as a notebook's kernel
 * runs it: the first run (class loading and JIT included) and the median of the rest. Baseline,
 * in the same run: creating one fresh shop database, which every check does at least once.
 * Usage: java -cp <grader jar>:exercises/target/classes bench/SelfCheckTimes.java [RUNS=5]
 */
public class SelfCheckTimes {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Map<String, Supplier<SelfCheck.Report>> checks = new LinkedHashMap<>();
    checks.put("place-order", () -> SelfCheck.placeOrder(PlaceOrder::new));
    checks.put("cart-checkout", () -> SelfCheck.checkout(Checkout::new));
    checks.put("idempotent-checkout", () -> SelfCheck.idempotentCheckout(IdempotentPlaceOrder::new));
    checks.put("outbox", () -> SelfCheck.outbox(OutboxPlaceOrder::new, OutboxRelay::new));
    checks.put("compensation", () -> SelfCheck.compensation(PaymentCheckout::new));
    checks.put("txlog", () -> SelfCheck.txlog(TxStore::new));

    Path dir = Files.createTempDirectory("txlab-bench-selfcheck");
    List<Double> dbs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      Shop.create(dir.resolve("shop-" + i + ".db"));
      dbs.add((System.nanoTime() - t0) / 1e9);
    }
    double baseline = median(dbs.subList(5, dbs.size()));
    System.out.printf("baseline: one fresh shop database, median %.4f s%n", baseline);
    System.out.printf("%-20s %8s %8s %8s %10s  %s%n", "exercise", "first", "median", "max", "÷ baseline", "target <= 3 s");
    for (var e : checks.entrySet()) {
      List<Double> times = new ArrayList<>();
      for (int r = 0; r <= runs; r++) {
        long t0 = System.nanoTime();
        SelfCheck.Report report = e.getValue().get();
        times.add((System.nanoTime() - t0) / 1e9);
        if (!report.passed()) {
          throw new AssertionError(e.getKey() + ": the reference failed its self-check:\n" + report);
        }
      }
      double first = times.get(0);
      List<Double> rest = times.subList(1, times.size());
      double median = median(rest);
      double max = rest.stream().mapToDouble(d -> d).max().orElse(0);
      System.out.printf("%-20s %7.2fs %7.2fs %7.2fs %9.0f×  %s%n", e.getKey(), first, median, max,
          median / baseline, Math.max(first, max) <= 3 ? "OK" : "MISSED");
    }
    System.out.printf("(first run, then the median and max of %d more; load before: %s)%n", runs,
        Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
