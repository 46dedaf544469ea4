package org.txlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One submission in Gradescope's layout, graded in the real sandbox. */
class GradescopeIT {
  @TempDir Path dir;

  @Test
  void writesResultsJsonInGradescopesSchema() throws Exception {
    Path submission = Files.createDirectories(dir.resolve("autograder/submission"));
    Files.copy(
        Path.of("../examples/sample-class/carla.java"), submission.resolve("PlaceOrder.java"));
    Path results = dir.resolve("autograder/results/results.json");
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "gradescope",
            "--exercise",
            "place-order",
            "--submission",
            submission.toString(),
            "--results",
            results.toString());

    assertThat(code).as(err.toString()).isZero();
    JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
    // carla autocommits every statement: atomicity lost (6), and isolation where her code meets
    // a concurrent order while she holds no lock (5 of 7).
    assertThat(json.get("score").getAsInt()).isEqualTo(14);
    assertThat(json.getAsJsonArray("tests")).hasSize(15);
    JsonObject first = json.getAsJsonArray("tests").get(0).getAsJsonObject();
    assertThat(first.keySet())
        .contains("name", "score", "max_score", "status", "visibility", "output");
    assertThat(first.get("name").getAsString()).startsWith("place-order › ");
  }
}
