package org.txlab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.txlab.course.SelfCheck;

/**
 * Public self-checks of the outbox exercise: run them with {@code mvn -pl exercises -am test}. They
 * are the checks of the outbox self-check cell ({@link SelfCheck#outbox}): an order announced once
 * with its details, a failure at every statement of placeOrder, a refused and a timed-out message,
 * and a real crash of the relay after the broker got a message and before its mark, then a new
 * relay.
 *
 * <p>At grading, more hidden checks run; the report ends with how many, per category.
 */
class OutboxTests {

  @TestFactory
  Stream<DynamicTest> publicChecks() {
    SelfCheck.Report report = SelfCheck.outbox(OutboxPlaceOrder::new, OutboxRelay::new);
    return report.checks().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.check(), () -> assertThat(c.problem()).as(c.check()).isEmpty()));
  }
}
