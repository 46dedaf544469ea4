package org.txlab.course;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures a case several times and summarises the runs by their median and spread, as a benchmark
 * should: one run says little on a shared machine, the median of several and their range say how
 * much to trust it.
 *
 * <pre>{@code
 * Bench.Sample s = Bench.repeat("HashMap.get", "ns", 7, () -> nanosPerLookup());
 * s.summary()   // "HashMap.get: median 21.4 ns (range 19.8–30.2 ns, 7 runs)"
 * }</pre>
 */
public final class Bench {

  /**
   * A measurement that can fail.
   *
   * @see #repeat
   */
  @FunctionalInterface
  public interface Run {
    /**
     * Runs the case once.
     *
     * @return the measured value, e.g. nanoseconds per operation
     * @throws Exception if the case fails
     */
    double measure() throws Exception;
  }

  /**
   * One case measured several times.
   *
   * @param label what was measured
   * @param unit the values' unit, e.g. {@code "µs"} or {@code "orders/s"}
   * @param values one value per run, in run order; at least one
   */
  public record Sample(String label, String unit, List<Double> values) {

    /** Copies the values. */
    public Sample {
      if (values.isEmpty()) {
        throw new IllegalArgumentException(Messages.get("bench.empty", label));
      }
      values = List.copyOf(values);
    }

    /** Returns the median run. */
    public double median() {
      double[] v = sorted();
      int n = v.length;
      return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Returns the smallest run. */
    public double min() {
      return sorted()[0];
    }

    /** Returns the largest run. */
    public double max() {
      double[] v = sorted();
      return v[v.length - 1];
    }

    /** Returns the largest run divided by the smallest: 1.0 when every run agreed. */
    public double spread() {
      return min() > 0 ? max() / min() : Double.NaN;
    }

    /** Returns e.g. {@code "median 21.4 ns (range 19.8–30.2 ns, 7 runs)"}. */
    public String summary() {
      return label
          + ": median "
          + format(median())
          + " "
          + unit
          + " (range "
          + format(min())
          + "–"
          + format(max())
          + " "
          + unit
          + ", "
          + values.size()
          + (values.size() == 1 ? " run)" : " runs)");
    }

    /** Returns this sample as a table row. */
    public Row row() {
      return new Row(
          label, format(median()) + " " + unit, format(min()) + "–" + format(max()), values.size());
    }

    private double[] sorted() {
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(v);
      return v;
    }
  }

  /**
   * A sample as a table row.
   *
   * @param measured what was measured
   * @param median the median run, with its unit
   * @param range the smallest and the largest run
   * @param runs how many runs
   */
  public record Row(String measured, String median, String range, int runs) {}

  private Bench() {}

  /**
   * Runs a case several times.
   *
   * @param label what is measured
   * @param unit the unit of the values {@code run} returns
   * @param runs how many times; at least 1
   * @param run one run
   * @return the runs' values
   * @throws Exception if a run fails
   */
  public static Sample repeat(String label, String unit, int runs, Run run) throws Exception {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      values.add(run.measure());
    }
    return new Sample(label, unit, values);
  }

  /**
   * Returns the samples as table rows.
   *
   * @param samples the samples
   * @return one row each, in order
   */
  public static List<Row> rows(List<Sample> samples) {
    return samples.stream().map(Sample::row).toList();
  }

  /**
   * Formats a measured value with three significant digits and thousands separators: {@code
   * 0.0153}, {@code 12.3}, {@code 1,230}, {@code 460,000}.
   *
   * @param value the value
   * @return its text
   */
  public static String format(double value) {
    double a = Math.abs(value);
    if (a >= 100 || a == 0) {
      double rounded = a >= 1000 ? roundTo3(value) : Math.round(value);
      return String.format(Locale.ROOT, "%,.0f", rounded);
    }
    int decimals = a >= 10 ? 1 : a >= 1 ? 2 : 2 - (int) Math.floor(Math.log10(a));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static double roundTo3(double value) {
    double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2);
    return Math.round(value / scale) * scale;
  }
}
