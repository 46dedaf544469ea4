package org.txlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookSubmissionTests {
  @TempDir Path dir;

  @Test
  void readsExerciseCellsAndQuizAnswersByTag() throws Exception {
    Path nb = dir.resolve("a.ipynb");
    Files.writeString(
        nb,
        """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
          {"cell_type": "markdown", "metadata": {"tags": ["exercise"]}, "source": "not code"},
          {"cell_type": "code", "metadata": {"tags": ["exercise"]}, "outputs": [],
           "source": ["class PlaceOrder {\\n", "}\\n"]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "source": "int untagged = 1;"},
          {"cell_type": "code", "metadata": {"tags": ["quiz"]}, "outputs": [],
           "source": "Quiz.answer(\\"wait-and-see\\", \\"b\\")"}
        ]}
        """);

    NotebookSubmission read = NotebookSubmission.read(nb);

    assertThat(read.exerciseCells()).containsExactly("class PlaceOrder {\n}\n");
    assertThat(read.answers()).containsExactly(new String[] {"wait-and-see", "b"});
  }

  @Test
  void explainsATruncatedNotebook() throws Exception {
    Path nb = dir.resolve("cut.ipynb");
    Files.writeString(nb, "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"class");

    assertThatThrownBy(() -> NotebookSubmission.read(nb))
        .hasMessageStartingWith("[BAD_NOTEBOOK] 'cut.ipynb' is not a valid notebook")
        .hasMessageContaining("download it again");
  }

  @Test
  void explainsANotebookThatIsNotUtf8() throws Exception {
    Path nb = dir.resolve("latin.ipynb");
    Files.write(nb, new byte[] {'{', (byte) 0xE9, (byte) 0xFF, '}'});

    assertThatThrownBy(() -> NotebookSubmission.read(nb)).hasMessageStartingWith("[NOT_UTF8]");
  }
}
