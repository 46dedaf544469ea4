package org.txlab.course;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * What {@link Timeline} and {@link Charts} share: one JFreeChart plot with named rows on the
 * vertical axis and values or time on the horizontal one, in the course's look, rendered as PNG or
 * SVG.
 */
final class Figure {
  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Color INK = new Color(0x33, 0x33, 0x33);
  static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  /** Pixels per layout unit in PNGs: drawn at twice the size, shown scaled, so text is crisp. */
  private static final double PNG_SCALE = 2;

  private static final AtomicInteger SVG_IDS = new AtomicInteger();

  private final JFreeChart chart;
  private final int width;
  private final int height;

  private Figure(JFreeChart chart, int width, int height) {
    this.chart = chart;
    this.width = width;
    this.height = height;
  }

  /**
   * Builds a figure around a plot whose range axis names the rows.
   *
   * @param title shown above the plot; may be empty
   * @param plot the plot; its range axis is replaced by the rows
   * @param rows the row names, top to bottom
   * @param valueAxis the horizontal axis
   * @param legend whether to show the legend (one entry per series)
   * @param bands whether rows alternate their background (else the caller marks groups of rows)
   * @param rowHeight pixels per row
   */
  static Figure of(
      String title,
      XYPlot plot,
      List<String> rows,
      ValueAxis valueAxis,
      boolean legend,
      boolean bands,
      int rowHeight) {
    SymbolAxis rowAxis = new SymbolAxis(null, rows.toArray(String[]::new));
    rowAxis.setInverted(true);
    rowAxis.setGridBandsVisible(bands);
    rowAxis.setGridBandPaint(new Color(0xf7, 0xf7, 0xf7));
    rowAxis.setGridBandAlternatePaint(Color.WHITE);
    rowAxis.setTickLabelFont(FONT);
    rowAxis.setTickLabelPaint(INK);
    rowAxis.setAxisLineVisible(false);
    rowAxis.setTickMarksVisible(false);
    rowAxis.setRange(-0.6, rows.size() - 0.4);
    valueAxis.setTickLabelFont(SMALL);
    valueAxis.setLabelFont(FONT);
    valueAxis.setTickLabelPaint(INK);
    valueAxis.setLabelPaint(INK);
    plot.setDomainAxis(valueAxis);
    plot.setRangeAxis(rowAxis);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.8f));
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

    JFreeChart chart = new JFreeChart(null, FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    if (!title.isEmpty()) {
      TextTitle t = new TextTitle(title, TITLE);
      t.setPaint(INK);
      t.setPosition(RectangleEdge.TOP);
      chart.setTitle(t);
    }
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setItemFont(SMALL);
      l.setItemPaint(INK);
      l.setFrame(BlockBorder.NONE);
      l.setPosition(RectangleEdge.BOTTOM);
    }
    int longest = rows.stream().mapToInt(String::length).max().orElse(1);
    int width = Math.max(760, 560 + 7 * longest);
    int height = 70 + (title.isEmpty() ? 0 : 22) + (legend ? 28 : 0) + rowHeight * rows.size();
    return new Figure(chart, width, height);
  }

  /** Returns the figure as an image, which the course kernel shows as a PNG. */
  BufferedImage png() {
    BufferedImage image =
        new BufferedImage(
            (int) (width * PNG_SCALE), (int) (height * PNG_SCALE), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(PNG_SCALE, PNG_SCALE);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Returns the figure as an SVG element, for {@code html(...)} or an HTML report. */
  String svg() {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // Several SVGs in one page must not share ids (clip paths), or they clip each other.
    g.setDefsKeyPrefix("txlab" + SVG_IDS.incrementAndGet() + "-");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement();
  }
}
