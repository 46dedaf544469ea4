package org.txlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.txlab.course.Quiz;

/** How the notebooks are stored: no outputs, the course kernel, the exercise and quiz cells. */
class NotebooksTests {
  private static final Pattern QUIZ_CELL =
      Pattern.compile("Quiz\\.answer\\(\"([a-z][a-z-]{0,39})\", \"\\?\"\\)");
  private static final Pattern QUESTION_TITLE =
      Pattern.compile("(?m)^### \\d+ · `([a-z-]+)` \\((graded|practice)\\)$");

  @Test
  void theLessonNotebooksAreThereWithNumberedNames() throws IOException {
    List<String> names = Notebook.all().stream().map(p -> p.getFileName().toString()).toList();

    assertThat(names)
        .contains(
            "01-flat-files.ipynb",
            "02-sqlite-transaction.ipynb",
            "03-acid.ipynb",
            "04-quiz.ipynb",
            "05-cart-checkout.ipynb",
            "06-own-log.ipynb",
            "07-what-it-costs.ipynb",
            "08-patterns.ipynb")
        .allMatch(n -> n.matches("\\d\\d-[a-z-]+\\.ipynb"));
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
  void theCartNotebookHasExactlyOneExerciseCellHoldingTheReferenceSolution() throws IOException {
    Notebook nb = Notebook.read(Notebook.folder().resolve("05-cart-checkout.ipynb"));

    List<JsonObject> exercise = nb.tagged("exercise");
    assertThat(exercise).hasSize(1);
    assertThat(Notebook.source(exercise.get(0)))
        .contains("class Checkout implements CheckoutService")
        .contains("Checkout(ConnectionSource db)")
        .contains("// BEGIN SOLUTION cart-checkout: implement checkout")
        .contains("// END SOLUTION")
        .doesNotContain("public class")
        .doesNotContain("package ");
    assertThat(nb.tagged("self-check")).hasSize(1);
    assertThat(Notebook.source(nb.tagged("self-check").get(0)))
        .contains("SelfCheck.checkout(Checkout::new)");
  }

  @Test
  void theOwnLogNotebookHasExactlyOneExerciseCellWithTheReferenceSolutionsRegions()
      throws IOException {
    Notebook nb = Notebook.read(Notebook.folder().resolve("06-own-log.ipynb"));
    Path reference =
        Notebook.folder()
            .resolve("../exercises/src/main/java/org/txlab/exercises/TxStore.java")
            .normalize();

    List<JsonObject> exercise = nb.tagged("exercise");
    assertThat(exercise).hasSize(1);
    String source = Notebook.source(exercise.get(0));
    assertThat(source)
        .contains("class TxStore implements Store", "TxStore(Disk disk)")
        .doesNotContain("public class", "public final class", "package ");
    // The grader grades a hand-in by this cell, and makes its starter the way it makes
    // TxStore.java's: the same regions, in the same order, with the same hints.
    assertThat(solutionMarkers(source))
        .as("the solution markers of the exercise cell against those of %s", reference)
        .containsExactlyElementsOf(solutionMarkers(Files.readString(reference)));
    assertThat(nb.tagged("self-check")).hasSize(1);
    assertThat(Notebook.source(nb.tagged("self-check").get(0)))
        .contains("SelfCheck.txlog(TxStore::new)");
  }

  @Test
  void thePatternsNotebookHoldsEachPatternExerciseWithItsReferenceSolutionsRegions()
      throws IOException {
    Notebook nb = Notebook.read(Notebook.folder().resolve("08-patterns.ipynb"));
    Path exercises =
        Notebook.folder().resolve("../exercises/src/main/java/org/txlab/exercises").normalize();
    List<JsonObject> cells = nb.tagged("exercise");
    // One cell per class, in the notebook's order: each is graded as its class, and its starter is
    // made the way the class's file's is (the same regions, in the same order, with the same
    // hints).
    String[][] expected = {
      {"IdempotentPlaceOrder", "class IdempotentPlaceOrder implements IdempotentOrderService"},
      {"OutboxPlaceOrder", "class OutboxPlaceOrder implements OutboxOrderService"},
      {"OutboxRelay", "class OutboxRelay implements Relay"},
      {"PaymentCheckout", "class PaymentCheckout implements CheckoutSaga"},
    };
    assertThat(cells).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      String source = Notebook.source(cells.get(i));
      Path reference = exercises.resolve(expected[i][0] + ".java");
      assertThat(source)
          .contains(expected[i][1])
          .doesNotContain("public class", "public final class", "package ");
      assertThat(solutionMarkers(source))
          .as("the solution markers of exercise cell %d against those of %s", i + 1, reference)
          .containsExactlyElementsOf(solutionMarkers(Files.readString(reference)));
    }
    assertThat(nb.tagged("self-check").stream().map(Notebook::source))
        .containsExactly(
            "SelfCheck.idempotentCheckout(IdempotentPlaceOrder::new)",
            "SelfCheck.outbox(OutboxPlaceOrder::new, OutboxRelay::new)",
            "SelfCheck.compensation(PaymentCheckout::new)");
  }

  private static List<String> solutionMarkers(String source) {
    return source
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("// BEGIN SOLUTION") || l.startsWith("// END SOLUTION"))
        .toList();
  }

  @Test
  void theQuizCellsCoverEveryQuestionInOrderAndAreUnanswered() throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path file : Notebook.all()) {
      for (JsonObject cell : Notebook.read(file).tagged("quiz")) {
        Matcher m = QUIZ_CELL.matcher(Notebook.source(cell).strip());
        assertThat(m.matches())
            .as("quiz cell of %s is Quiz.answer(\"id\", \"?\"): %s", file, Notebook.source(cell))
            .isTrue();
        ids.add(m.group(1));
      }
    }

    assertThat(ids).containsExactlyElementsOf(Quiz.questions());
  }

  @Test
  void everyQuestionSaysWhetherItIsGradedAndOffersFourLetters() throws IOException {
    List<String> titled = new ArrayList<>();
    for (Path file : Notebook.all()) {
      for (JsonObject cell : Notebook.read(file).cells()) {
        String text = Notebook.source(cell);
        Matcher m = QUESTION_TITLE.matcher(text);
        if (!m.find()) {
          continue;
        }
        String id = m.group(1);
        titled.add(id);
        assertThat(m.group(2))
            .as("%s is marked graded or practice as the quiz has it", id)
            .isEqualTo(Quiz.graded().contains(id) ? "graded" : "practice");
        for (String letter : Quiz.LETTERS) {
          assertThat(text).as("%s offers %s", id, letter).contains("* **" + letter + "** — ");
        }
        assertThat(text).as(id).doesNotContain("* **E** ");
      }
    }

    assertThat(titled).containsExactlyElementsOf(Quiz.questions());
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
    assertThat(two)
        .as("the model's rollback cannot hide the first failure")
        .contains("e.addSuppressed(rollbackFailed)");
  }

  @Test
  void foldersComeFromScratchSoThatTheKernelDeletesThem() throws IOException {
    for (Path file : Notebook.all()) {
      for (JsonObject cell : Notebook.read(file).codeCells()) {
        assertThat(Notebook.source(cell))
            .as("a cell of %s", file.getFileName())
            .doesNotContain("Files.createTempDirectory", "Files.createTempFile", "/tmp/");
      }
    }
  }

  @Test
  void onlyTheStoreThatCannotRestartEndsInAnError() throws IOException {
    List<String> raising = new ArrayList<>();
    for (Path file : Notebook.all()) {
      for (JsonObject cell : Notebook.read(file).tagged("raises-exception")) {
        raising.add(file.getFileName() + ": " + Notebook.source(cell).strip());
      }
    }

    assertThat(raising)
        .containsExactly(
            "01-flat-files.ipynb: FlatFileShop.open(torn, FlatFileShop.Writes.APPEND)");
  }
}
