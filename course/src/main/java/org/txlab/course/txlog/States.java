package org.txlab.course.txlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A store's content as one token without spaces, and back; and how a student reads it. */
public final class States {
  private States() {}

  /**
   * Encodes a state.
   *
   * @param state keys and values; a {@code null} key or value is written as the text {@code null}
   * @return the token
   */
  public static String encode(Map<String, String> state) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(nullsAsText(state)).forEach((k, v) -> parts.add(b64(k) + ":" + b64(v)));
    return String.join(",", parts);
  }

  /**
   * Decodes a state that {@link #encode} wrote.
   *
   * @param token the token
   * @return the state, sorted by key
   */
  public static Map<String, String> decode(String token) {
    Map<String, String> state = new TreeMap<>();
    if (!token.isEmpty()) {
      Base64.Decoder d = Base64.getDecoder();
      for (String part : token.split(",")) {
        int c = part.indexOf(':');
        state.put(
            new String(d.decode(part.substring(0, c)), StandardCharsets.UTF_8),
            new String(d.decode(part.substring(c + 1)), StandardCharsets.UTF_8));
      }
    }
    return state;
  }

  /** Shows a state briefly, e.g. {@code {stock:1=7, order:1=…}}, long values shortened. */
  public static String show(Map<String, String> state) {
    StringBuilder s = new StringBuilder("{");
    new TreeMap<>(nullsAsText(state))
        .forEach(
            (k, v) ->
                s.append(s.length() > 1 ? ", " : "").append(brief(k)).append('=').append(brief(v)));
    return s.append('}').toString();
  }

  private static Map<String, String> nullsAsText(Map<String, String> state) {
    Map<String, String> m = new TreeMap<>();
    state.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
    return m;
  }

  private static String brief(String s) {
    String t = s.replace("\n", "\\n").replace("\t", "\\t");
    return t.length() > 24 ? t.substring(0, 23) + "…" : t;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
