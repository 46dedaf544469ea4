package org.txlab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.txlab.course.SelfCheck;

/**
 * Public self-checks of the place-order exercise: what a correct {@code placeOrder} does when
 * nothing goes wrong. Run them with {@code mvn -pl exercises -am test}; they are the same checks as
 * the notebook's self-check cell ({@link SelfCheck}).
 *
 * <p>They check behaviour only. At grading, hidden checks also crash your code mid-transaction,
 * make its statements fail one by one, race it against other threads and processes, and check that
 * a placed order survives a crash.
 */
class PlaceOrderTests {

  @TestFactory
  Stream<DynamicTest> publicChecks() {
    return SelfCheck.placeOrder(PlaceOrder::new).checks().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.check(), () -> assertThat(c.problem()).as(c.check()).isEmpty()));
  }
}
