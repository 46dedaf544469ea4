package org.txlab.kernel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes a sample notebook end to end with {@code jupyter nbconvert --execute}. */
class NotebookIT {

  @Test
  void sampleNotebookRunsUnderNbconvert(@TempDir Path root)
      throws IOException, InterruptedException {
    InstalledKernel kernel = InstalledKernel.install(root);
    Path notebook = kernel.workDir().resolve("sample.ipynb");
    try (InputStream in = NotebookIT.class.getResourceAsStream("sample.ipynb")) {
      Files.copy(in, notebook);
    }
    InstalledKernel.Result r =
        kernel.run(
            120,
            List.of(
                InstalledKernel.JUPYTER,
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.kernel_name=txlab-java",
                "--output",
                "executed.ipynb",
                notebook.toString()));
    assertThat(r.exitCode()).as("nbconvert stderr: %s", r.errors()).isZero();

    JsonObject executed =
        JsonParser.parseString(
                Files.readString(
                    kernel.workDir().resolve("executed.ipynb"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    List<String> outputs = new ArrayList<>();
    for (JsonElement cell : executed.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (c.get("cell_type").getAsString().equals("code")) {
        JsonArray out = c.getAsJsonArray("outputs");
        outputs.add(out.toString());
      }
    }
    assertThat(outputs).hasSize(5);
    assertThat(outputs.get(0)).contains("execute_result").contains("42");
    assertThat(outputs.get(1)).contains("printed 6");
    assertThat(outputs.get(2)).contains("text/html").contains("<td>pen</td>");
    assertThat(outputs.get(3)).contains("display_data").contains("<td>pen</td>");
    assertThat(outputs.get(4)).contains("text/markdown").contains("**done**");
    assertThat(outputs).noneMatch(o -> o.contains("\"output_type\":\"error\""));

    InstalledKernel.Result removed = kernel.uninstall();
    assertThat(removed.exitCode()).as("uninstall stderr: %s", removed.errors()).isZero();
    assertThat(kernel.kernelSpecDir()).doesNotExist();
  }
}
