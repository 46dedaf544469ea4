package org.txlab.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture that keeps grading honest, checked on the compiled classes of every module: the
 * course library, the exercises, the kernel and the submission JVM's agent (everything a student
 * gets or runs) and the grader.
 */
class ArchitectureTests {
  private static final Path EXERCISES = Path.of("../exercises/target/classes");

  private static JavaClasses all;

  @BeforeAll
  static void importEveryModule() {
    assertThat(EXERCISES)
        .as("the exercises module is built before the grader (the reactor's order)")
        .isDirectory();
    Set<Location> where = new HashSet<>(Locations.ofPackage("org.txlab"));
    where.add(Location.of(EXERCISES));
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(where);
  }

  @Test
  void importsEveryModuleSoThatNoRuleHoldsForWantOfClasses() {
    for (String pkg :
        Set.of(
            "org.txlab.course",
            "org.txlab.exercises",
            "org.txlab.kernel",
            "org.txlab.agent",
            "org.txlab.grader.hidden",
            "org.txlab.grader.suite",
            "org.txlab.grader.cli")) {
      assertThat(all.containPackage(pkg)).as(pkg).isTrue();
    }
  }

  @Test
  void nothingStudentsGetOrRunReachesTheGrader() {
    // The course library, the exercises, the kernel and the agent are what a release ships and
    // what runs in the submission JVM: none of them may lead to the hidden tests or the judge.
    noClasses()
        .that()
        .resideOutsideOfPackage("org.txlab.grader..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.txlab.grader..")
        .because("the hidden tests and the judge must be unreachable from student-side code")
        .check(all);
  }

  @Test
  void theSuiteRunnerKnowsNoHiddenTest() {
    noClasses()
        .that()
        .resideInAPackage("org.txlab.grader.suite..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.txlab.grader.hidden..")
        .because("the suite runs any exercise's tests; the exercises register theirs")
        .check(all);
  }

  @Test
  void theHiddenTestsKnowNoReportNorCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.txlab.grader.hidden..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.txlab.grader.report..", "org.txlab.grader.cli..")
        .because("a hidden test decides pass or fail; how results are shown is not its concern")
        .check(all);
  }

  @Test
  void onlyAMainMethodEndsTheJvm() {
    noClasses()
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "System.exit, Runtime.exit or Runtime.halt outside a main method",
                ArchitectureTests::endsTheJvmOutsideMain))
        .because("a library call that ends the JVM would end a grading batch or a kernel")
        .check(all);
  }

  private static boolean endsTheJvmOutsideMain(JavaMethodCall call) {
    String owner = call.getTargetOwner().getName();
    String name = call.getName();
    boolean ends =
        owner.equals(System.class.getName()) && name.equals("exit")
            || owner.equals(Runtime.class.getName())
                && (name.equals("exit") || name.equals("halt"));
    return ends && !call.getOrigin().getName().equals("main");
  }
}
