package org.txlab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.txlab.course.SelfCheck;

/**
 * Public self-checks of the idempotent-checkout exercise: run them with {@code mvn -pl exercises
 * -am test}. They are the checks of notebook 08's self-check cell ({@link
 * SelfCheck#idempotentCheckout}): a replay, a reused key, a stored rejection, a failure at every
 * statement then a retry, another order between any two statements, and a real crash that loses the
 * reply, then a retry.
 *
 * <p>At grading, more hidden checks run; the report ends with how many, per category.
 */
class IdempotentPlaceOrderTests {

  @TestFactory
  Stream<DynamicTest> publicChecks() {
    SelfCheck.Report report = SelfCheck.idempotentCheckout(IdempotentPlaceOrder::new);
    return report.checks().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.check(), () -> assertThat(c.problem()).as(c.check()).isEmpty()));
  }
}
