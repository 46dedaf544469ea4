package org.txlab.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A notebook file read as JSON, with what the tests look at: cells, their source, tags and outputs.
 *
 * @param name the file name, e.g. {@code 01-flat-files.ipynb}
 * @param json the whole document
 */
record Notebook(String name, JsonObject json) {

  /** The folder that holds the course's notebooks (the module's base directory). */
  static Path folder() {
    return Path.of(System.getProperty("txlab.notebooks.dir", "."));
  }

  /** Returns the course's notebooks, in name order. */
  static List<Path> all() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  /** Reads a notebook file. */
  static Notebook read(Path file) throws IOException {
    return new Notebook(
        file.getFileName().toString(),
        JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
  }

  /** Returns every cell. */
  List<JsonObject> cells() {
    List<JsonObject> cells = new ArrayList<>();
    json.getAsJsonArray("cells").forEach(c -> cells.add(c.getAsJsonObject()));
    return cells;
  }

  /** Returns the code cells. */
  List<JsonObject> codeCells() {
    return cells().stream().filter(c -> c.get("cell_type").getAsString().equals("code")).toList();
  }

  /** Returns the code cells that carry a tag. */
  List<JsonObject> tagged(String tag) {
    return codeCells().stream().filter(c -> tags(c).contains(tag)).toList();
  }

  /**
   * Returns the one code cell whose source contains a text.
   *
   * @throws AssertionError if none or several do
   */
  JsonObject cell(String sourceContains) {
    List<JsonObject> found =
        codeCells().stream().filter(c -> source(c).contains(sourceContains)).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "Expecting exactly one cell of "
              + name
              + " containing '"
              + sourceContains
              + "' but found "
              + found.size());
    }
    return found.get(0);
  }

  /**
   * Returns the text of the one cell whose whole source is the given text, see {@link #text}.
   *
   * @throws AssertionError if none or several are
   */
  String outputOfCell(String wholeSource) {
    List<JsonObject> found =
        codeCells().stream().filter(c -> source(c).strip().equals(wholeSource)).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "Expecting exactly one cell of "
              + name
              + " that is '"
              + wholeSource
              + "' but found "
              + found.size());
    }
    return text(found.get(0));
  }

  /** Tells whether a cell showed a PNG image (a chart or a timeline). */
  static boolean hasImage(JsonObject cell) {
    JsonArray outputs = cell.getAsJsonArray("outputs");
    if (outputs == null) {
      return false;
    }
    for (JsonElement e : outputs) {
      JsonObject data = e.getAsJsonObject().getAsJsonObject("data");
      if (data != null && data.has("image/png")) {
        return true;
      }
    }
    return false;
  }

  /** Returns the text a cell wrote to stderr, if any. */
  static String stderr(JsonObject cell) {
    StringBuilder out = new StringBuilder();
    JsonArray outputs = cell.getAsJsonArray("outputs");
    if (outputs != null) {
      for (JsonElement e : outputs) {
        JsonObject o = e.getAsJsonObject();
        if (o.get("output_type").getAsString().equals("stream")
            && o.get("name").getAsString().equals("stderr")) {
          out.append(join(o.get("text")));
        }
      }
    }
    return out.toString();
  }

  /** Returns the text of the one cell whose source contains a text, see {@link #text}. */
  String output(String sourceContains) {
    return text(cell(sourceContains));
  }

  static String source(JsonObject cell) {
    return join(cell.get("source"));
  }

  static List<String> tags(JsonObject cell) {
    List<String> tags = new ArrayList<>();
    JsonObject meta = cell.getAsJsonObject("metadata");
    if (meta != null && meta.get("tags") instanceof JsonArray a) {
      a.forEach(t -> tags.add(t.getAsString()));
    }
    return tags;
  }

  /**
   * Returns what a cell showed, as plain text with runs of spaces collapsed to one: its streams,
   * the {@code text/plain} of its results and displays, and errors as {@code ename: evalue}.
   */
  static String text(JsonObject cell) {
    StringBuilder out = new StringBuilder();
    JsonArray outputs = cell.getAsJsonArray("outputs");
    if (outputs == null) {
      return "";
    }
    for (JsonElement e : outputs) {
      JsonObject o = e.getAsJsonObject();
      switch (o.get("output_type").getAsString()) {
        case "stream" -> out.append(join(o.get("text")));
        case "execute_result", "display_data" ->
            out.append(join(o.getAsJsonObject("data").get("text/plain")));
        case "error" ->
            out.append(o.get("ename").getAsString())
                .append(": ")
                .append(o.get("evalue").getAsString());
        default -> {}
      }
      out.append('\n');
    }
    return out.toString().replaceAll(" {2,}", " ");
  }

  private static String join(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "";
    }
    if (e.isJsonArray()) {
      StringBuilder s = new StringBuilder();
      e.getAsJsonArray().forEach(line -> s.append(line.getAsString()));
      return s.toString();
    }
    return e.getAsString();
  }
}
