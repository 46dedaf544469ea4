package org.txlab.grader.hidden;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.txlab.grader.suite.SuiteContext;

/** Gives a hidden test the {@link SuiteContext} it runs against. */
public final class SuiteExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SuiteContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SuiteContext.of(context);
  }
}
