package org.txlab.kernel.engine;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.txlab.kernel.engine.core.CellScope;

/**
 * Helpers every cell can call without a prefix ({@code import static} at session start).
 *
 * <p>{@code display(x)} shows {@code x} now; {@code render(x)}, {@code html(..)}, {@code
 * markdown(..)} and {@code image(..)} build a {@link MimeBundle} that shows when it is the cell's
 * last expression or is passed to {@code display}.
 */
public final class Notebook {

  private Notebook() {}

  /**
   * Shows an object in the notebook now: a {@code ResultSet} or list of records as a table, an
   * image as PNG, a {@link MimeBundle} as is, an object with a public {@code String toHtml()} (a
   * self-check's report) as that HTML, anything else as text.
   *
   * @param value the object; may be {@code null}
   */
  public static void display(Object value) {
    CellScope.display(render(value));
  }

  /**
   * Shows an object in the notebook now, keeping only some representations.
   *
   * @param value the object; may be {@code null}
   * @param mimeTypes the MIME types to keep, such as {@code "text/html"}
   */
  public static void display(Object value, String... mimeTypes) {
    CellScope.display(render(value, mimeTypes));
  }

  /** Clears what this cell has shown so far (its printed text and displays). */
  public static void clearOutput() {
    CellScope.clearOutput(false);
  }

  /**
   * Clears what this cell has shown so far, now or when its next output arrives.
   *
   * <p>With {@code wait}, a loop that redraws a progress line does not flicker:
   *
   * <pre>{@code
   * for (int i = 1; i <= 10; i++) {
   *   clearOutput(true);
   *   System.out.println(i + "/10 done");
   * }
   * }</pre>
   *
   * @param wait whether to clear only when the next output arrives
   */
  public static void clearOutput(boolean wait) {
    CellScope.clearOutput(wait);
  }

  /**
   * Renders an object the way {@link #display(Object)} shows it.
   *
   * @param value the object; may be {@code null}
   * @return its representations
   */
  public static MimeBundle render(Object value) {
    return Displays.bundle(value);
  }

  /**
   * Renders an object, keeping only some representations.
   *
   * @param value the object; may be {@code null}
   * @param mimeTypes the MIME types to keep
   * @return the kept representations
   */
  public static MimeBundle render(Object value, String... mimeTypes) {
    Map<String, String> all = Displays.bundle(value).data();
    Map<String, String> kept = new LinkedHashMap<>();
    for (String mime : mimeTypes) {
      if (all.containsKey(mime)) {
        kept.put(mime, all.get(mime));
      }
    }
    return new MimeBundle(kept.isEmpty() ? all : kept);
  }

  /**
   * Wraps HTML for display.
   *
   * @param html an HTML fragment; never {@code null}
   * @return a bundle with {@code text/html} and a plain-text fallback
   */
  public static MimeBundle html(String html) {
    return bundle("text/html", html, html);
  }

  /**
   * Wraps Markdown for display.
   *
   * @param markdown Markdown text; never {@code null}
   * @return a bundle with {@code text/markdown} and the text as fallback
   */
  public static MimeBundle markdown(String markdown) {
    return bundle("text/markdown", markdown, markdown);
  }

  /**
   * Wraps plain text for display.
   *
   * @param text the text; never {@code null}
   * @return a bundle with {@code text/plain}
   */
  public static MimeBundle text(String text) {
    return MimeBundle.of("text/plain", text);
  }

  /**
   * Wraps PNG bytes for display.
   *
   * @param png the PNG file content; never {@code null}
   * @return a bundle with {@code image/png}
   */
  public static MimeBundle image(byte[] png) {
    return bundle("image/png", Base64.getEncoder().encodeToString(png), "<image/png>");
  }

  /**
   * Encodes an image as PNG for display.
   *
   * @param image the image, such as a {@code BufferedImage}; never {@code null}
   * @return a bundle with {@code image/png}
   */
  public static MimeBundle image(RenderedImage image) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the image as PNG", e);
    }
    return image(png.toByteArray());
  }

  private static MimeBundle bundle(String mime, String content, String text) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(mime, content);
    data.put("text/plain", text);
    return new MimeBundle(data);
  }
}
