package org.txlab.course;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.txlab.placeorder.ConnectionSource;

/**
 * Draws what happened when: one lane per actor (a process, a thread, a connection), one bar per
 * span of time, coloured by its kind, with a legend of the kinds.
 *
 * <p>Times are {@link System#nanoTime()} values of one JVM, or of child JVMs on the same machine
 * (on Linux, macOS and Windows HotSpot reads one system-wide monotonic clock, so their values can
 * be compared); only differences are drawn. A span that ends where it starts is an instant, drawn
 * as a diamond. Lanes appear in the order of their first span. In a notebook cell:
 *
 * <pre>{@code
 * Timeline.Recorder rec = new Timeline.Recorder();
 * rec.time("a", "holds the lock", "write", () -> { Thread.sleep(20); return null; });
 * rec.instant("b", "reads stock 0", "read");
 * rec.render("Two connections")        // the cell's last expression: shown as a PNG
 * }</pre>
 *
 * <p>or, from timestamps taken elsewhere, {@code Timeline.render("title", List.of(new
 * Timeline.Span("a", t0, t1, "BEGIN IMMEDIATE … COMMIT", "write")))}. {@link #svg} returns the same
 * picture as SVG, for {@code html(...)} or an HTML report.
 */
public final class Timeline {
  static final double BAR_HALF_HEIGHT = 0.22;

  /**
   * One span of time in one lane.
   *
   * @param lane who: a process, thread or connection; never {@code null}
   * @param startNanos when it started, a {@link System#nanoTime()} value
   * @param endNanos when it ended; equal to {@code startNanos} for an instant
   * @param label what happened, shown on or beside the bar; may be empty
   * @param kind what sort of thing, e.g. {@code "read"}, {@code "write"}, {@code "wait"}, {@code
   *     "error"}: the colour and the legend entry
   */
  public record Span(String lane, long startNanos, long endNanos, String label, String kind) {

    /** Checks the fields. */
    public Span {
      Objects.requireNonNull(lane, "lane");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(kind, "kind");
      if (endNanos < startNanos) {
        throw new IllegalArgumentException(
            Messages.get("timeline.backwards", lane, label, startNanos - endNanos));
      }
    }

    /**
     * Makes an instant: something that happened at one moment.
     *
     * @param lane who
     * @param atNanos when, a {@link System#nanoTime()} value
     * @param label what happened
     * @param kind what sort of thing
     * @return a span that starts and ends at {@code atNanos}
     */
    public static Span instant(String lane, long atNanos, String label, String kind) {
      return new Span(lane, atNanos, atNanos, label, kind);
    }

    /** Tells whether the span is an instant. */
    public boolean isInstant() {
      return startNanos == endNanos;
    }
  }

  /**
   * A piece of code to time.
   *
   * @param <T> its result's type
   */
  @FunctionalInterface
  public interface Step<T> {
    /**
     * Runs the step.
     *
     * @return its result
     * @throws Exception if it fails
     */
    T run() throws Exception;
  }

  /**
   * Records spans as code runs, from any number of threads: around a step ({@link #time}), at an
   * instant, or for every statement that connections of a {@linkplain #watch watched source} run.
   */
  public static final class Recorder {
    private final List<Span> spans = new ArrayList<>();
    private final ThreadLocal<String> lane = new ThreadLocal<>();

    /**
     * Names the lane of the calling thread's statements (by default the thread's name).
     *
     * @param name e.g. {@code "racer 3"}
     */
    public void lane(String name) {
      lane.set(name);
    }

    /**
     * Wraps a connection source so that every statement its connections run ({@code execute*},
     * {@code commit()}, {@code rollback()}, {@code setAutoCommit}) is recorded as a span: in the
     * lane named by {@link #lane} on the running thread, else the thread's name; labelled with its
     * first words ({@code UPDATE products}); of kind {@code read}, {@code write}, {@code begin},
     * {@code commit}, {@code rollback} or {@code other}, and {@code error} if it threw.
     *
     * @param source the real connections
     * @return a source of recording connections
     */
    public ConnectionSource watch(ConnectionSource source) {
      return StatementSpans.watch(
          source, this, () -> lane.get() != null ? lane.get() : Thread.currentThread().getName());
    }

    /**
     * Like {@link #watch(ConnectionSource)}, with every statement in one lane.
     *
     * @param source the real connections
     * @param laneName the lane, e.g. {@code "a"}
     * @return a source of recording connections
     */
    public ConnectionSource watch(ConnectionSource source, String laneName) {
      return StatementSpans.watch(source, this, () -> laneName);
    }

    /**
     * Runs a step and records its span; a step that throws is recorded with kind {@code "error"}
     * and a label that ends in ✘ and the SQLite result code (e.g. {@code SQLITE_BUSY}) or the
     * exception's class, then the exception is rethrown.
     *
     * @param lane who runs it
     * @param label what it does
     * @param kind what sort of thing
     * @param step the code
     * @param <T> its result's type
     * @return the step's result
     * @throws Exception what the step threw
     */
    public <T> T time(String lane, String label, String kind, Step<T> step) throws Exception {
      long start = System.nanoTime();
      try {
        T result = step.run();
        add(new Span(lane, start, System.nanoTime(), label, kind));
        return result;
      } catch (Exception e) {
        add(new Span(lane, start, System.nanoTime(), label + " ✘ " + shortly(e), "error"));
        throw e;
      }
    }

    /**
     * Records an instant now.
     *
     * @param lane who
     * @param label what happened
     * @param kind what sort of thing
     */
    public void instant(String lane, String label, String kind) {
      add(Span.instant(lane, System.nanoTime(), label, kind));
    }

    /**
     * Records a span measured elsewhere.
     *
     * @param span the span
     */
    public synchronized void add(Span span) {
      spans.add(span);
    }

    /** Returns the spans so far, in the order they were recorded. */
    public synchronized List<Span> spans() {
      return List.copyOf(spans);
    }

    /**
     * Draws the spans so far.
     *
     * @param title shown above the lanes; may be empty
     * @return the picture; a cell shows it as a PNG
     */
    public BufferedImage render(String title) {
      return Timeline.render(title, spans());
    }
  }

  private Timeline() {}

  /** An error as a picture can show it: the SQLite result code, else the exception's class. */
  private static String shortly(Exception e) {
    return e instanceof org.sqlite.SQLiteException s
        ? s.getResultCode().name()
        : e.getClass().getSimpleName();
  }

  /**
   * Draws spans.
   *
   * @param title shown above the lanes; may be empty
   * @param spans the spans; at least one
   * @return the picture; a cell shows it as a PNG
   */
  public static BufferedImage render(String title, List<Span> spans) {
    return figure(title, spans).png();
  }

  /**
   * Draws spans as SVG.
   *
   * @param title shown above the lanes; may be empty
   * @param spans the spans; at least one
   * @return an {@code <svg>} element
   */
  public static String svg(String title, List<Span> spans) {
    return figure(title, spans).svg();
  }

  /**
   * Lists spans as text, in order of their start: time since the first, lane, label, kind and
   * duration.
   *
   * @param spans the spans
   * @return one line per span
   */
  public static String text(List<Span> spans) {
    long origin = spans.stream().mapToLong(Span::startNanos).min().orElse(0);
    Unit unit = Unit.forRange(range(spans));
    StringBuilder out = new StringBuilder();
    for (Span s : spans.stream().sorted(Comparator.comparingLong(Span::startNanos)).toList()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%+10.3f %s  %-12s %s (%s%s)%n",
              unit.of(s.startNanos() - origin),
              unit.symbol,
              s.lane(),
              s.label(),
              s.kind(),
              s.isInstant()
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      ", %.3f %s",
                      unit.of(s.endNanos() - s.startNanos()),
                      unit.symbol)));
    }
    return out.toString();
  }

  private static long range(List<Span> spans) {
    long min = spans.stream().mapToLong(Span::startNanos).min().orElse(0);
    long max = spans.stream().mapToLong(Span::endNanos).max().orElse(0);
    return max - min;
  }

  /** A unit for the time axis, chosen so that the numbers are small. */
  private enum Unit {
    MICROS("µs", 1e3),
    MILLIS("ms", 1e6),
    SECONDS("s", 1e9);

    final String symbol;
    final double nanos;

    Unit(String symbol, double nanos) {
      this.symbol = symbol;
      this.nanos = nanos;
    }

    double of(long nanosValue) {
      return nanosValue / nanos;
    }

    static Unit forRange(long rangeNanos) {
      if (rangeNanos < 2_000_000L) {
        return MICROS;
      }
      return rangeNanos < 20_000_000_000L ? MILLIS : SECONDS;
    }
  }

  private static Figure figure(String title, List<Span> spans) {
    if (spans.isEmpty()) {
      throw new IllegalArgumentException(Messages.get("timeline.empty"));
    }
    long origin = spans.stream().mapToLong(Span::startNanos).min().orElseThrow();
    Unit unit = Unit.forRange(range(spans));
    // A span far shorter than the whole would be thinner than a pixel: draw it a little wider.
    double minWidth = unit.of(range(spans)) / 250;
    Layout layout = new Layout(spans, s -> unit.of(s.startNanos() - origin), minWidth, unit);

    Map<String, XYIntervalSeries> bars = new LinkedHashMap<>();
    Map<String, XYSeries> instants = new LinkedHashMap<>();
    Palette palette = new Palette();
    Labels labels = new Labels();
    for (Span s : spans) {
      Color color = palette.color(s.kind());
      double y = layout.row(s);
      double x0 = layout.x0(s);
      double x1 = layout.x1(s);
      if (s.isInstant()) {
        instants.computeIfAbsent(s.kind(), XYSeries::new).add(x0, y);
      } else {
        bars.computeIfAbsent(s.kind(), k -> new XYIntervalSeries(k, false, true))
            .add(x0, x0, x1, y, y - BAR_HALF_HEIGHT, y + BAR_HALF_HEIGHT);
      }
      labels.span((int) y, x0, x1, s.label(), color);
    }

    XYPlot plot = new XYPlot();
    XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
    bars.values().forEach(barData::addSeries);
    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setUseYInterval(true);
    barRenderer.setShadowVisible(false);
    barRenderer.setBarPainter(new StandardXYBarPainter());
    barRenderer.setDrawBarOutline(false);
    int i = 0;
    for (String kind : bars.keySet()) {
      barRenderer.setSeriesPaint(i++, palette.color(kind));
    }
    plot.setDataset(0, barData);
    plot.setRenderer(0, barRenderer);

    XYSeriesCollection instantData = new XYSeriesCollection();
    instants.values().forEach(instantData::addSeries);
    XYLineAndShapeRenderer instantRenderer = new XYLineAndShapeRenderer(false, true);
    i = 0;
    for (String kind : instants.keySet()) {
      instantRenderer.setSeriesPaint(i, palette.color(kind));
      instantRenderer.setSeriesShape(i, Labels.DIAMOND);
      // One legend entry per kind: bars already name the kinds they share with instants.
      instantRenderer.setSeriesVisibleInLegend(i, !bars.containsKey(kind));
      i++;
    }
    plot.setDataset(1, instantData);
    plot.setRenderer(1, instantRenderer);
    // Instants on top of the bars they fall on.
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.addAnnotation(labels);
    for (double boundary : layout.laneBoundaries()) {
      ValueMarker line = new ValueMarker(boundary, Figure.GRID, new BasicStroke(1f));
      plot.addRangeMarker(line);
    }

    NumberAxis time = new NumberAxis(Messages.get("timeline.axis", unit.symbol));
    time.setAutoRangeIncludesZero(true);
    time.setLowerMargin(0.01);
    time.setUpperMargin(0.12);
    return Figure.of(title, plot, layout.rows(), time, true, false, 46);
  }

  /**
   * Where each span goes: its lane's rows, one row per track, so that spans of one lane that
   * overlap in time (a lock held while a statement runs) sit one under the other.
   */
  private static final class Layout {
    private final Map<Span, Integer> rowOf = new IdentityHashMap<>();
    private final Map<Span, double[]> xs = new IdentityHashMap<>();
    private final List<String> rows = new ArrayList<>();
    private final List<Double> boundaries = new ArrayList<>();

    Layout(List<Span> spans, ToDoubleFunction<Span> start, double minWidth, Unit unit) {
      List<String> lanes = new ArrayList<>();
      for (Span s : spans) {
        if (!lanes.contains(s.lane())) {
          lanes.add(s.lane());
        }
        double x0 = start.applyAsDouble(s);
        double x1 =
            s.isInstant()
                ? x0
                : Math.max(x0 + unit.of(s.endNanos() - s.startNanos()), x0 + minWidth);
        xs.put(s, new double[] {x0, x1});
      }
      for (String lane : lanes) {
        List<Double> trackEnds = new ArrayList<>();
        List<Span> inLane =
            spans.stream()
                .filter(s -> s.lane().equals(lane))
                .sorted(Comparator.comparingDouble(s -> xs.get(s)[0]))
                .toList();
        Map<Span, Integer> track = new IdentityHashMap<>();
        for (Span s : inLane) {
          double x0 = xs.get(s)[0];
          // Pack by the real end: a sliver drawn wider may touch the next span of its track.
          double x1 = x0 + unit.of(s.endNanos() - s.startNanos());
          int t = 0;
          // Instants sit on the first track, over whatever bar is there.
          if (!s.isInstant()) {
            while (t < trackEnds.size() && trackEnds.get(t) > x0) {
              t++;
            }
            if (t == trackEnds.size()) {
              trackEnds.add(x1);
            } else {
              trackEnds.set(t, x1);
            }
          }
          track.put(s, t);
        }
        if (!rows.isEmpty()) {
          boundaries.add(rows.size() - 0.5);
        }
        int first = rows.size();
        int tracks = Math.max(1, trackEnds.size());
        for (int t = 0; t < tracks; t++) {
          rows.add(t == 0 ? lane : "");
        }
        track.forEach((s, t) -> rowOf.put(s, first + t));
      }
    }

    double row(Span s) {
      return rowOf.get(s);
    }

    double x0(Span s) {
      return xs.get(s)[0];
    }

    double x1(Span s) {
      return xs.get(s)[1];
    }

    List<String> rows() {
      return rows;
    }

    List<Double> laneBoundaries() {
      return boundaries;
    }
  }
}
