package org.txlab.course;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows rows as a plain-text table or as an HTML table: a JDBC {@link ResultSet} or a list of
 * records.
 *
 * <p>A {@code ResultSet} is read to its end; the caller still closes it.
 */
public final class Tables {

  /** The rows of a table: column names and cell texts, {@code "NULL"} for SQL NULL. */
  private record Grid(List<String> columns, List<List<String>> rows) {}

  private Tables() {}

  /**
   * Renders the remaining rows of {@code rs} as an aligned plain-text table.
   *
   * @param rs an open result set; never {@code null}
   * @return the table, ending with a row count line
   * @throws SQLException if reading fails
   */
  public static String text(ResultSet rs) throws SQLException {
    return text(grid(rs));
  }

  /**
   * Renders records as an aligned plain-text table, one column per record component.
   *
   * @param rows the records; may be empty
   * @return the table, ending with a row count line
   */
  public static String text(List<? extends Record> rows) {
    return text(grid(rows));
  }

  /**
   * Renders the remaining rows of {@code rs} as an HTML {@code <table>}.
   *
   * @param rs an open result set; never {@code null}
   * @return the HTML fragment
   * @throws SQLException if reading fails
   */
  public static String html(ResultSet rs) throws SQLException {
    return html(grid(rs));
  }

  /**
   * Renders records as an HTML {@code <table>}.
   *
   * @param rows the records; may be empty
   * @return the HTML fragment
   */
  public static String html(List<? extends Record> rows) {
    return html(grid(rows));
  }

  private static Grid grid(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        Object value = rs.getObject(i);
        row.add(value == null ? "NULL" : value.toString());
      }
      rows.add(row);
    }
    return new Grid(columns, rows);
  }

  private static Grid grid(List<? extends Record> records) {
    if (records.isEmpty()) {
      return new Grid(List.of(), List.of());
    }
    RecordComponent[] components = records.get(0).getClass().getRecordComponents();
    List<String> columns = new ArrayList<>();
    for (RecordComponent component : components) {
      columns.add(component.getName());
    }
    List<List<String>> rows = new ArrayList<>();
    for (Record record : records) {
      List<String> row = new ArrayList<>();
      for (RecordComponent component : components) {
        row.add(String.valueOf(read(component, record)));
      }
      rows.add(row);
    }
    return new Grid(columns, rows);
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      return "<" + e.getClass().getSimpleName() + ">";
    }
  }

  private static String text(Grid grid) {
    int[] widths = new int[grid.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = grid.columns().get(i).length();
      for (List<String> row : grid.rows()) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    if (widths.length > 0) {
      appendRow(out, grid.columns(), widths);
      for (int i = 0; i < widths.length; i++) {
        out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
      }
      out.append('\n');
      for (List<String> row : grid.rows()) {
        appendRow(out, row, widths);
      }
    }
    int n = grid.rows().size();
    return out.append('(').append(n).append(n == 1 ? " row)" : " rows)").toString();
  }

  private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      out.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static String html(Grid grid) {
    StringBuilder out = new StringBuilder("<table class=\"txlab-table\">\n<thead><tr>");
    for (String column : grid.columns()) {
      out.append("<th>").append(escape(column)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : grid.rows()) {
      out.append("<tr>");
      for (String cell : row) {
        out.append("<td>").append(escape(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    int n = grid.rows().size();
    return out.append("</tbody>\n<caption style=\"caption-side: bottom\">")
        .append(n)
        .append(n == 1 ? " row" : " rows")
        .append("</caption>\n</table>")
        .toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
