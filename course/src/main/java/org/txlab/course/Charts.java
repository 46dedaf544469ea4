package org.txlab.course;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of measurements, drawn like {@link Timeline} (same library, same look): one row per case,
 * a dot per run, a diamond at the median and a line from the smallest to the largest run, so that
 * the spread is as visible as the median.
 *
 * <pre>{@code
 * Charts.spread("Per lookup", "µs (log scale)", true, List.of(mapSample, sqliteSample))
 * }</pre>
 */
public final class Charts {
  private static final Color MEDIAN = new Color(0x4e79a7);
  private static final Color RUN = new Color(0x4e, 0x79, 0xa7, 0x66);

  private Charts() {}

  /**
   * Draws samples: their runs, medians and ranges.
   *
   * @param title shown above the chart; may be empty
   * @param axis the value axis's label, with the unit
   * @param logScale whether the value axis is logarithmic (for values that differ by orders of
   *     magnitude; all values must then be positive)
   * @param samples the cases, top to bottom
   * @return the picture; a cell shows it as a PNG
   */
  public static BufferedImage spread(
      String title, String axis, boolean logScale, List<Bench.Sample> samples) {
    return figure(title, axis, logScale, samples).png();
  }

  /**
   * Draws samples as SVG, like {@link #spread}.
   *
   * @param title shown above the chart; may be empty
   * @param axis the value axis's label, with the unit
   * @param logScale whether the value axis is logarithmic
   * @param samples the cases, top to bottom
   * @return an {@code <svg>} element
   */
  public static String spreadSvg(
      String title, String axis, boolean logScale, List<Bench.Sample> samples) {
    return figure(title, axis, logScale, samples).svg();
  }

  private static Figure figure(
      String title, String axis, boolean logScale, List<Bench.Sample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(Messages.get("charts.empty", title));
    }
    XIntervalSeries medians = new XIntervalSeries(Messages.get("charts.median"));
    XYSeries runs = new XYSeries(Messages.get("charts.runs"), false, true);
    Labels labels = new Labels();
    for (int i = 0; i < samples.size(); i++) {
      Bench.Sample s = samples.get(i);
      if (logScale && s.min() <= 0) {
        throw new IllegalArgumentException(Messages.get("charts.notPositive", s.label(), s.min()));
      }
      medians.add(s.median(), s.min(), s.max(), i);
      for (double v : s.values()) {
        runs.add(v, i);
      }
      labels.beside(i, s.max(), Bench.format(s.median()) + " " + s.unit());
    }
    XYPlot plot = new XYPlot();
    XIntervalSeriesCollection medianData = new XIntervalSeriesCollection();
    medianData.addSeries(medians);
    XYErrorRenderer medianRenderer = new XYErrorRenderer();
    medianRenderer.setDrawXError(true);
    medianRenderer.setDrawYError(false);
    medianRenderer.setErrorPaint(Figure.INK);
    medianRenderer.setErrorStroke(new BasicStroke(1.2f));
    medianRenderer.setCapLength(8);
    medianRenderer.setSeriesPaint(0, MEDIAN);
    medianRenderer.setSeriesShape(0, Labels.DIAMOND);
    medianRenderer.setSeriesLinesVisible(0, false);
    plot.setDataset(0, medianData);
    plot.setRenderer(0, medianRenderer);

    XYSeriesCollection runData = new XYSeriesCollection();
    runData.addSeries(runs);
    XYLineAndShapeRenderer runRenderer = new XYLineAndShapeRenderer(false, true);
    runRenderer.setSeriesPaint(0, RUN);
    runRenderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    plot.setDataset(1, runData);
    plot.setRenderer(1, runRenderer);
    plot.addAnnotation(labels);

    ValueAxis values;
    if (logScale) {
      LogAxis log = new LogAxis(axis);
      log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
      log.setSmallestValue(samples.stream().mapToDouble(Bench.Sample::min).min().orElse(1) / 2);
      values = log;
    } else {
      NumberAxis linear = new NumberAxis(axis);
      linear.setAutoRangeIncludesZero(true);
      values = linear;
    }
    values.setUpperMargin(0.25);
    return Figure.of(
        title, plot, samples.stream().map(Bench.Sample::label).toList(), values, true, true, 34);
  }
}
