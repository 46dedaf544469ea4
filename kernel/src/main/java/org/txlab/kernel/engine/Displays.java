package org.txlab.kernel.engine;

import java.awt.image.RenderedImage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;
import org.txlab.course.Tables;

/** Turns objects into their notebook representations. */
public final class Displays {

  private Displays() {}

  /**
   * Renders an object: a {@code ResultSet} or a non-empty list of records as an HTML table with a
   * text table as fallback, an image as PNG, a {@link MimeBundle} as is, an object with a public
   * {@code String toHtml()} as that HTML with its {@code toString()} as fallback, anything else as
   * text.
   *
   * @param value the object; may be {@code null}
   * @return its representations
   */
  public static MimeBundle bundle(Object value) {
    if (value instanceof MimeBundle bundle) {
      return bundle;
    }
    if (value instanceof ResultSet rs) {
      return table(rs);
    }
    if (value instanceof List<?> list && isRecordList(list)) {
      @SuppressWarnings("unchecked")
      List<? extends Record> rows = (List<? extends Record>) list;
      return table(Tables.html(rows), Tables.text(rows));
    }
    if (value instanceof RenderedImage image) {
      return Notebook.image(image);
    }
    String html = html(value);
    if (html != null) {
      return table(html, String.valueOf(value));
    }
    return MimeBundle.of("text/plain", String.valueOf(value));
  }

  /**
   * The display hook of objects that know their HTML (the course library's reports, such as a
   * self-check's): a public no-argument {@code toHtml()} returning a {@code String}. Found by
   * reflection, so that the course library, which cannot see the kernel, needs nothing of it.
   *
   * @return the HTML, or {@code null} if the object has no such method or it fails
   */
  private static String html(Object value) {
    if (value == null) {
      return null;
    }
    try {
      Method m = value.getClass().getMethod("toHtml");
      if (m.getReturnType() != String.class || Modifier.isStatic(m.getModifiers())) {
        return null;
      }
      return (String) m.invoke(value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // No hook, or one this cell cannot call (a non-public class): show the text.
      return null;
    }
  }

  private static boolean isRecordList(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(Record.class::isInstance);
  }

  private static MimeBundle table(ResultSet rs) {
    // A ResultSet can be read once; cache it to render both HTML and text.
    try (CachedRowSet rows = RowSetProvider.newFactory().createCachedRowSet()) {
      rows.populate(rs);
      String html = Tables.html(rows);
      rows.beforeFirst();
      return table(html, Tables.text(rows));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the ResultSet to display it: " + e, e);
    }
  }

  private static MimeBundle table(String html, String text) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("text/html", html);
    data.put("text/plain", text);
    return new MimeBundle(data);
  }
}
