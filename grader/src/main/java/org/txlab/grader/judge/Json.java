package org.txlab.grader.judge;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Parses JSON a submission JVM sent, after checking that it is small and shallow enough. */
final class Json {
  static final int MAX_DEPTH = 32;

  private Json() {}

  /**
   * Parses text that may be hostile.
   *
   * @param text the JSON
   * @return the tree
   * @throws ProtocolException if it is not JSON, or nests deeper than {@value #MAX_DEPTH}
   */
  static JsonElement parse(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          throw new ProtocolException("JSON nested deeper than " + MAX_DEPTH);
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    try {
      return JsonParser.parseString(text);
    } catch (JsonParseException | StackOverflowError e) {
      throw new ProtocolException("not JSON: " + e.getMessage());
    }
  }
}
