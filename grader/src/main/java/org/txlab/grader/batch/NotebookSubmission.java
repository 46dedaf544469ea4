package org.txlab.grader.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.txlab.grader.intake.BadSubmissionException;

/**
 * Reads a notebook hand-in: the code of the cells tagged {@code exercise} and the answers in the
 * cells tagged {@code quiz}.
 */
public final class NotebookSubmission {
  /** The tag of exercise cells. */
  public static final String EXERCISE_TAG = "exercise";

  /** The tag of quiz cells. */
  public static final String QUIZ_TAG = "quiz";

  // Bounded everywhere: an answer of any length can neither overflow the stack nor backtrack long.
  private static final Pattern ANSWER =
      Pattern.compile(
          "answer\\s{0,20}\\(\\s{0,20}\"([\\w-]{1,64})\"\\s{0,20},\\s{0,20}"
              + "(\"[^\"\\\\\\n]{0,200}\"|'.'|[\\w.-]{1,64})\\s{0,20}\\)");

  private final List<String> exerciseCells;
  private final List<String[]> answers;

  private NotebookSubmission(List<String> exerciseCells, List<String[]> answers) {
    this.exerciseCells = exerciseCells;
    this.answers = answers;
  }

  /**
   * Reads a notebook.
   *
   * @param file the {@code .ipynb}
   * @return its exercise code and quiz answers
   * @throws BadSubmissionException if it is not UTF-8 JSON in nbformat 4
   * @throws IOException if it cannot be read
   */
  public static NotebookSubmission read(Path file) throws BadSubmissionException, IOException {
    String name = file.getFileName().toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BadSubmissionException(
          "[NOT_UTF8] '" + name + "' is not UTF-8 text; save the notebook from Jupyter again");
    }
    JsonObject nb;
    try {
      JsonElement root = JsonParser.parseString(text);
      if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
        throw new JsonParseException("no 'cells' array");
      }
      nb = root.getAsJsonObject();
      if (!nb.get("cells").isJsonArray()) {
        throw new JsonParseException("'cells' is not an array");
      }
    } catch (JsonParseException | IllegalStateException | StackOverflowError e) {
      throw new BadSubmissionException(
          "[BAD_NOTEBOOK] '"
              + name
              + "' is not a valid notebook ("
              + e.getMessage()
              + "); it may be truncated: download it again from Jupyter (File > Download)");
    }
    List<String> exercise = new ArrayList<>();
    List<String[]> answers = new ArrayList<>();
    for (JsonElement c : nb.getAsJsonArray("cells")) {
      if (!c.isJsonObject()) {
        continue;
      }
      JsonObject cell = c.getAsJsonObject();
      if (!"code".equals(string(cell.get("cell_type")))) {
        continue;
      }
      List<String> tags = tags(cell);
      String source = source(cell.get("source"));
      if (tags.stream().anyMatch(t -> t.equals(EXERCISE_TAG) || t.startsWith(EXERCISE_TAG + "-"))) {
        exercise.add(source);
      }
      if (tags.contains(QUIZ_TAG)) {
        Matcher m = ANSWER.matcher(source);
        while (m.find()) {
          String value = m.group(2);
          if (value.startsWith("\"") || value.startsWith("'")) {
            value = value.substring(1, value.length() - 1);
          }
          answers.add(new String[] {m.group(1), value});
        }
      }
    }
    return new NotebookSubmission(exercise, answers);
  }

  /** Returns the code of the exercise cells, in notebook order. */
  public List<String> exerciseCells() {
    return List.copyOf(exerciseCells);
  }

  /** Returns the quiz answers, each {question id, answer}, in notebook order. */
  public List<String[]> answers() {
    return List.copyOf(answers);
  }

  private static List<String> tags(JsonObject cell) {
    List<String> tags = new ArrayList<>();
    JsonElement meta = cell.get("metadata");
    if (meta != null
        && meta.isJsonObject()
        && meta.getAsJsonObject().get("tags") instanceof JsonArray a) {
      a.forEach(t -> tags.add(string(t)));
    }
    return tags;
  }

  private static String source(JsonElement e) {
    if (e == null) {
      return "";
    }
    if (e.isJsonArray()) {
      StringBuilder s = new StringBuilder();
      e.getAsJsonArray().forEach(line -> s.append(string(line)));
      return s.toString();
    }
    return string(e);
  }

  private static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }
}
