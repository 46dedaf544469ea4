package org.txlab.kernel.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One displayable object in one or more representations, keyed by MIME type.
 *
 * @param data MIME type to content (text, or base64 for binary types); never {@code null}
 */
public record MimeBundle(Map<String, String> data) {

  /** Copies the map, keeping its order. */
  public MimeBundle {
    data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /**
   * Creates a bundle with one representation.
   *
   * @param mime the MIME type, such as {@code text/html}
   * @param content the content
   * @return the bundle
   */
  public static MimeBundle of(String mime, String content) {
    return new MimeBundle(Map.of(mime, content));
  }

  /**
   * Returns the plain-text representation, if any.
   *
   * @return the {@code text/plain} content or {@code null}
   */
  public String text() {
    return data.get("text/plain");
  }

  @Override
  public String toString() {
    String text = text();
    return text != null ? text : "MimeBundle" + data.keySet();
  }
}
