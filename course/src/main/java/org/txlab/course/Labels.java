package org.txlab.course;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The labels of a figure's bars, points and whiskers, placed in pixels when the plot is drawn: on a
 * bar if it fits, else beside it, else above or below its row, never on top of another label.
 */
final class Labels extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;

  /** The marker of an instant, centred on its point. */
  static final Shape DIAMOND = diamond(5);

  private static final int GAP = 4;

  private record Item(int row, double x0, double x1, String text, Color color, boolean beside) {}

  private final List<Item> items = new ArrayList<>();

  /** A label for a span of a timeline (or an instant when {@code x0 == x1}). */
  void span(int row, double x0, double x1, String text, Color color) {
    if (!text.isEmpty()) {
      items.add(new Item(row, x0, x1, text, color, false));
    }
  }

  /** A label written just right of {@code x}, e.g. a measurement's value at its whisker's end. */
  void beside(int row, double x, String text) {
    items.add(new Item(row, x, x, text, Figure.INK, true));
  }

  @Override
  public void draw(
      Graphics2D g2,
      XYPlot plot,
      Rectangle2D area,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      int rendererIndex,
      PlotRenderingInfo info) {
    RectangleEdge xEdge = plot.getDomainAxisEdge();
    RectangleEdge yEdge = plot.getRangeAxisEdge();
    g2.setFont(Figure.SMALL);
    FontMetrics fm = g2.getFontMetrics();
    double rowHeight =
        Math.abs(rangeAxis.valueToJava2D(1, area, yEdge) - rangeAxis.valueToJava2D(0, area, yEdge));
    List<Rectangle2D> taken = new ArrayList<>();
    // Bars are obstacles too: a label beside a bar must not cover the next bar of its row.
    for (Item it : items) {
      if (it.beside) {
        continue;
      }
      if (it.x1 > it.x0) {
        taken.add(bar(it, area, domainAxis, rangeAxis, xEdge, yEdge, rowHeight));
      } else {
        double x = domainAxis.valueToJava2D(it.x0, area, xEdge);
        double y = rangeAxis.valueToJava2D(it.row, area, yEdge);
        taken.add(new Rectangle2D.Double(x - 5, y - 5, 10, 10));
      }
    }
    for (Item it : items) {
      double y = rangeAxis.valueToJava2D(it.row, area, yEdge);
      double w = fm.stringWidth(it.text);
      double h = fm.getAscent();
      double left = domainAxis.valueToJava2D(it.x0, area, xEdge);
      double right = domainAxis.valueToJava2D(it.x1, area, xEdge);
      if (it.beside) {
        text(g2, it.text, right + 2 * GAP + 2, y + h / 2 - 1, Figure.INK);
        continue;
      }
      if (it.x1 > it.x0 && right - left >= w + 2 * GAP) {
        text(g2, it.text, (left + right - w) / 2, y + h / 2 - 1, Palette.textOn(it.color));
        continue;
      }
      double pad = it.x1 > it.x0 ? GAP : 7;
      double above = y - rowHeight / 2;
      double below = y + rowHeight / 2 - h - 1;
      double[][] places = {
        {right + pad, y - h / 2 - 1},
        {left - w - pad, y - h / 2 - 1},
        {left - w / 2, above},
        {left - w / 2, below},
        {left, above},
        {left, below},
        {right - w, above},
        {right - w, below},
      };
      for (double[] place : places) {
        // Keep the label inside the plot: slide it back from the right or left edge.
        double x = Math.max(area.getMinX(), Math.min(place[0], area.getMaxX() + 8 - w));
        Rectangle2D c = new Rectangle2D.Double(x, place[1], w, h);
        if (taken.stream().noneMatch(t -> t.intersects(c))) {
          taken.add(c);
          text(g2, it.text, c.getX(), c.getY() + h, Figure.INK);
          break;
        }
      }
    }
  }

  private static Rectangle2D bar(
      Item it,
      Rectangle2D area,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      RectangleEdge xEdge,
      RectangleEdge yEdge,
      double rowHeight) {
    double left = domainAxis.valueToJava2D(it.x0, area, xEdge);
    double right = domainAxis.valueToJava2D(it.x1, area, xEdge);
    double y = rangeAxis.valueToJava2D(it.row, area, yEdge);
    double half = rowHeight * Timeline.BAR_HALF_HEIGHT;
    // Slightly narrower than the bar, so that a label may touch a bar's end.
    return new Rectangle2D.Double(left + 1, y - half, Math.max(0, right - left - 2), 2 * half);
  }

  private static void text(Graphics2D g2, String text, double x, double y, Color color) {
    g2.setPaint(color);
    g2.drawString(text, (float) x, (float) y);
  }

  private static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
