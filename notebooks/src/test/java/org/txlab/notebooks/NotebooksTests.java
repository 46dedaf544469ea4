package org.txlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.txlab.course.QuizKey;

/** How the notebooks are stored: no outputs, the course kernel, the exercise and quiz cells. */
class NotebooksTests {
  private static final Pattern QUIZ_CELL =
      Pattern.compile("Quiz\\.answer\\(\"([\\w-]+)\", \"\\?\"\\)");

  @Test
  void theFourLessonNotebooksAreThereWithNumberedNames() throws IOException {
    assertThat(Notebook.all())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "01-flat-files.ipynb", "02-sqlite-transaction.ipynb", "03-acid.ipynb", "04-quiz.ipynb");
  }

  @Test
  void everyNotebookIsStoredWithoutOutputsOrExecutionCounts() throws IOException {
    for (Path file : Notebook.all()) {
      Notebook nb = Notebook.read(file);
      for (JsonObject cell : nb.codeCells()) {
        assertThat(cell.getAsJsonArray("outputs"))
            .as("outputs of a cell of %s:%n%s", nb.name(), Notebook.source(cell))
            .isEmpty();
        assertThat(cell.get("execution_count").isJsonNull())
            .as("execution_count of a cell of %s is null", nb.name())
            .isTrue();
      }
    }
  }

  @Test
  void everyNotebookIsNbformat4ForTheCourseKernel() throws IOException {
    for (Path file : Notebook.all()) {
      JsonObject json = Notebook.read(file).json();
      assertThat(json.get("nbformat").getAsInt()).as(file.toString()).isEqualTo(4);
      assertThat(
              json.getAsJsonObject("metadata")
                  .getAsJsonObject("kernelspec")
                  .get("name")
                  .getAsString())
          .as(file.toString())
          .isEqualTo("txlab-java");
    }
  }

  @Test
  void theSqliteNotebookHasExactlyOneExerciseCellHoldingTheReferenceSolution() throws IOException {
    Notebook nb = Notebook.read(Notebook.folder().resolve("02-sqlite-transaction.ipynb"));

    List<JsonObject> exercise = nb.tagged("exercise");
    assertThat(exercise).hasSize(1);
    String source = Notebook.source(exercise.get(0));
    assertThat(source)
        .contains("class PlaceOrder implements OrderService")
        .contains("PlaceOrder(ConnectionSource db)")
        .contains("// BEGIN SOLUTION place-order: implement placeOrder")
        .contains("// END SOLUTION")
        .doesNotContain("public class")
        .doesNotContain("package ");
    assertThat(nb.tagged("self-check")).hasSize(1);
    assertThat(Notebook.source(nb.tagged("self-check").get(0)))
        .contains("SelfCheck.placeOrder(PlaceOrder::new)");
  }

  @Test
  void theQuizCellsCoverEveryQuestionOfTheAnswerKeyAndAreUnanswered() throws IOException {
    Notebook nb = Notebook.read(Notebook.folder().resolve("04-quiz.ipynb"));

    List<String> ids =
        nb.tagged("quiz").stream()
            .map(cell -> QUIZ_CELL.matcher(Notebook.source(cell).strip()))
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .toList();
    assertThat(nb.tagged("quiz")).hasSameSizeAs(ids);
    assertThat(ids).containsExactlyElementsOf(QuizKey.questions());
  }

  @Test
  void notebooksTwoAndThreeCompileTheSameTransactionalPlaceOrder() throws IOException {
    String marker = "String TX_PLACE_ORDER = \"\"\"";
    String two =
        Notebook.source(
            Notebook.read(Notebook.folder().resolve("02-sqlite-transaction.ipynb")).cell(marker));
    String three =
        Notebook.source(Notebook.read(Notebook.folder().resolve("03-acid.ipynb")).cell(marker));

    assertThat(three).isEqualTo(two);
  }
}
