package org.txlab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.txlab.course.SelfCheck;

/**
 * Public self-checks of the txlog exercise: run them with {@code mvn -pl exercises -am test}. They
 * are the checks of notebook 06's self-check cell ({@link SelfCheck#txlog}): reads, awkward values
 * after a restart, and small runs crashed at every disk call, by process crash and power loss, also
 * inside a checkpoint.
 *
 * <p>At grading, more hidden checks run; the report ends with how many, per category.
 */
class TxStoreTests {

  @TestFactory
  Stream<DynamicTest> publicChecks() {
    SelfCheck.Report report = SelfCheck.txlog(TxStore::new);
    return report.checks().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.check(), () -> assertThat(c.problem()).as(c.check()).isEmpty()));
  }
}
