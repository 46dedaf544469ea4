package org.txlab.course;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Atomicity under a real crash: a child JVM runs the student's class against a fresh database and
 * is killed with SIGKILL at a kill point chosen by what the code did to the database (never by its
 * SQL); on reopening, the database must hold nothing of the call, or all of it.
 */
final class SelfCheckCrash {
  /** How long the child may take to start and reach its kill point: a backstop only. */
  private static final Duration CHILD_DEADLINE = Duration.ofSeconds(30);

  private SelfCheckCrash() {}

  /**
   * Runs the crash.
   *
   * @param run the self-check run
   * @param title the check's title
   * @param s the scenario, as run in-process for its clean result
   * @param subject the class under test
   * @param child makes the child's builder from the database and the clean run's statements
   * @param killPoint what the kill point is, for messages
   * @param <S> the service type
   * @return the check's outcome
   */
  static <S> SelfCheck.Check run(
      SelfCheckRun<S> run,
      String title,
      SelfCheckRun.Scenario<S> s,
      SelfCheckSubject subject,
      BiFunction<Path, SelfCheckRun.Clean, ChildJvm.Builder> child,
      String killPoint)
      throws SQLException {
    SelfCheckRun.Clean clean = run.clean(s);
    if (!clean.placed()) {
      return SelfCheckFaults.notChecked(title, clean);
    }
    Path db;
    try (SelfCheckWorld w = run.world()) {
      db = w.db();
    }
    List<Path> classpath;
    try {
      classpath = subject.classpath(run.dir());
    } catch (RuntimeException e) {
      return SelfCheck.Check.failed(
          title, Messages.get("selfcheck.crash.cannotStart", e.getMessage()));
    }
    ChildJvm.Builder builder =
        child
            .apply(db, clean)
            .classpath(classpath)
            // sqlite-jdbc unpacks its native library per process; a killed child cannot delete it.
            .property("org.sqlite.tmpdir", run.dir().toString())
            .label("selfcheck-crash");
    try (ChildJvm jvm = builder.start()) {
      ChildJvm.Signal signal = jvm.next(CHILD_DEADLINE);
      while (!signal.kind().equals(Child.KILL_POINT)
          && !signal.kind().equals(Child.RESULT)
          && !signal.kind().equals(Child.ERROR)) {
        signal = jvm.next(CHILD_DEADLINE);
      }
      if (!signal.kind().equals(Child.KILL_POINT)) {
        String did =
            (signal.kind().equals(Child.RESULT) ? "returned " : "threw ") + signal.payload();
        return SelfCheck.Check.failed(
            title, Messages.get("selfcheck.crash.noKillPoint", s.label(), did, killPoint));
      }
      jvm.kill();
    } catch (ChildJvmException e) {
      return SelfCheck.Check.failed(
          title,
          Messages.get(
              "selfcheck.crash.childFailed",
              s.label(),
              e.getMessage().replace(run.dir().toString(), Scratch.name(run.dir()))));
    }
    SelfCheckState after = SelfCheckState.read(Shop.source(db, 2000));
    if (after.sameAs(SelfCheckState.FIXTURE) || after.sameAs(clean.after())) {
      return SelfCheck.Check.passed(title);
    }
    return SelfCheck.Check.failed(
        title,
        Messages.get(
            "selfcheck.crash.partial",
            s.label(),
            killPoint,
            after.changesSince(SelfCheckState.FIXTURE)));
  }
}
