package org.txlab.grader.hidden.placeorder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.txlab.grader.suite.Submission;

/** Gives each hidden test a fresh {@link Harness} for the submission under test, closed after. */
final class HarnessExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Harness.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String classpath =
        context
            .getConfigurationParameter(Submission.CLASSPATH_PARAMETER)
            .orElseThrow(() -> missing(Submission.CLASSPATH_PARAMETER));
    String implementation =
        context
            .getConfigurationParameter(Submission.IMPLEMENTATION_PARAMETER)
            .orElseThrow(() -> missing(Submission.IMPLEMENTATION_PARAMETER));
    Submission submission =
        new Submission(
            "under test",
            Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList(),
            implementation);
    try {
      Harness harness = new Harness(Files.createTempDirectory("txlab-test"), submission);
      context
          .getStore(ExtensionContext.Namespace.create(HarnessExtension.class))
          .put(context.getUniqueId(), harness);
      return harness;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException missing(String parameter) {
    return new IllegalStateException(
        "configuration parameter '" + parameter + "' is not set; run hidden tests via SuiteRunner");
  }
}
