package org.txlab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.txlab.course.SelfCheck;

/**
 * Public self-checks of the compensation exercise: run them with {@code mvn -pl exercises -am
 * test}. They are the checks of the notebook's self-check cell ({@link SelfCheck#compensation}): a
 * paid and a declined checkout, a charge that times out and lands later, a failure at every
 * statement of a declined checkout then {@code resume()}, and a real crash while the charge is on
 * its way, then {@code resume()} twice.
 *
 * <p>At grading, more hidden checks run; the report ends with how many, per category.
 */
class PaymentCheckoutTests {

  @TestFactory
  Stream<DynamicTest> publicChecks() {
    SelfCheck.Report report = SelfCheck.compensation(PaymentCheckout::new);
    return report.checks().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.check(), () -> assertThat(c.problem()).as(c.check()).isEmpty()));
  }
}
