package org.txlab.grader.hidden.txlog;

import java.util.List;
import org.txlab.grader.exercise.Exercise;

/** The txlog exercise: the student's own transaction log, crashed at every write. */
public final class TxLogExercise implements Exercise {

  @Override
  public String id() {
    return "txlog";
  }

  @Override
  public String title() {
    return "Build your own transaction log";
  }

  @Override
  public String testPackage() {
    return TxLogExercise.class.getPackageName();
  }

  @Override
  public List<Category> categories() {
    return List.of(
        new Category(
            "functional", "Reads see the right values; any value comes back after a restart."),
        new Category(
            "atomicity", "A crash at any disk call leaves each transaction whole or absent."),
        new Category("durability", "A commit that returned survives any later crash."),
        new Category(
            "recovery",
            "Recovering again, or after a crash during recovery, gives the same store."),
        new Category(
            "rotation", "checkpoint() shrinks the files and loses nothing, wherever it crashes."),
        new Category(
            "hygiene", "The store keeps its state on the Disk it was given, nowhere else."));
  }

  @Override
  public Api api() {
    return new Api("org.txlab.txlog.Store", List.of("org.txlab.txlog.Disk"), "TxStore");
  }

  @Override
  public String rejectionType() {
    // The store rejects nothing by contract; no exception of it counts as a clean rejection.
    return "org.txlab.txlog.Store";
  }

  @Override
  public String reference() {
    return "exercises/src/main/java/org/txlab/exercises/TxStore.java";
  }

  @Override
  public String variants() {
    return "grader/fixtures/txlog";
  }

  @Override
  public int killTests() {
    return 2;
  }
}
