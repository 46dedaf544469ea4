package org.txlab.grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.txlab.grader.suite.Feedback;
import org.txlab.grader.suite.SuiteContext;

/**
 * The isolation verdict: what an interleaving produced must be what the same parties produce one
 * after another, in some order — the database's content (ids and times aside) and how each party
 * ended (succeeded, rejected cleanly, failed with a raw database error).
 *
 * <p>Comparing with serial runs of the same code keeps the verdict to isolation alone (rule 1): a
 * bug that shows without any concurrency (wrong columns, a wrong quantity, a forgotten rollback)
 * shows in the serial runs too, and is judged by its own category's tests.
 */
public final class Serializability {

  /** How a party ended, as far as isolation cares. */
  public enum Kind {
    /** It did what it was asked. */
    RETURNED("succeeded"),
    /** It rejected the request with the exercise's exception, or one without a database error. */
    REJECTED("was rejected"),
    /** It threw a raw database error (e.g. SQLITE_BUSY). */
    FAILED("failed with a database error"),
    /** (The judge's rival only) it could not run at all: the student's call held the lock. */
    NOT_RUN("found the lock taken");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /**
     * How a student's call ended.
     *
     * @param call the call
     * @param rejectionType the exercise's base rejection class
     * @return its kind
     */
    public static Kind of(Call call, String rejectionType) {
      if (call.returned()) {
        return RETURNED;
      }
      return call.result().error().is(rejectionType) || !call.result().error().rawDatabaseError()
          ? REJECTED
          : FAILED;
    }

    /**
     * How the judge's rival ended.
     *
     * @param outcome its outcome
     * @return its kind
     */
    public static Kind of(Rival.Outcome outcome) {
      return switch (outcome) {
        case PLACED -> RETURNED;
        case REJECTED -> REJECTED;
        case LOCKED_OUT -> NOT_RUN;
      };
    }
  }

  /** A party of an interleaving, as it runs on its own. */
  public interface Party {
    /** Returns how messages name it, e.g. {@code your placeOrder(2, 2, 2)}. */
    String name();

    /**
     * Runs it to its end in a world.
     *
     * @param w the world
     * @return how it ended
     */
    Kind run(ShopWorld w);
  }

  /**
   * One possible outcome: how each party ended and what the database held.
   *
   * @param order which parties ran, in which order (indexes); empty for the observed interleaving
   * @param kinds how each party ended, by party index
   * @param end the database afterwards
   */
  public record Outcome(List<Integer> order, List<Kind> kinds, ShopSnapshot end) {

    String describe(List<Party> parties) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < parties.size(); i++) {
        parts.add(parties.get(i).name() + " " + kinds.get(i).words);
      }
      String prefix =
          order.isEmpty()
              ? ""
              : String.join(" then ", order.stream().map(i -> parties.get(i).name()).toList())
                  + ": ";
      return prefix + String.join(", ", parts) + "; " + end.describeContent();
    }

    boolean matches(Outcome other) {
      return kinds.equals(other.kinds) && end.sameContentInAnyOrder(other.end);
    }
  }

  private Serializability() {}

  /** Every unit of every product is in stock or ordered, exactly once. */
  private static boolean conserved(ShopSnapshot start, ShopSnapshot end) {
    for (org.txlab.course.Shop.Product p : start.products()) {
      long ordered =
          end.ordersOf(p.id()).stream().mapToLong(org.txlab.placeorder.Order::quantity).sum();
      long stock = end.stock(p.id());
      if (stock < 0 || stock + ordered != p.stock()) {
        return false;
      }
    }
    return true;
  }

  /** Each party that failed raw in the interleaving fails raw in some serial run too. */
  private static boolean noNewFailures(Outcome observed, List<Outcome> serial) {
    for (int i = 0; i < observed.kinds().size(); i++) {
      int party = i;
      if (observed.kinds().get(i) == Kind.FAILED
          && serial.stream().noneMatch(s -> s.kinds().get(party) == Kind.FAILED)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs the parties one after another, in each of the given orders, each order in a world of its
   * own. A party missing from an order did not run (its kind is {@link Kind#NOT_RUN}).
   *
   * @param suite the running suite
   * @param parties the parties
   * @param orders the orders, as party indexes
   * @return one outcome per order
   */
  public static List<Outcome> serial(
      SuiteContext suite, List<Party> parties, List<List<Integer>> orders) {
    List<Outcome> outcomes = new ArrayList<>();
    for (List<Integer> order : orders) {
      try (ShopWorld w = ShopWorld.open(suite)) {
        List<Kind> kinds = new ArrayList<>();
        parties.forEach(p -> kinds.add(Kind.NOT_RUN));
        for (int i : order) {
          kinds.set(i, parties.get(i).run(w));
        }
        // As after an interleaving: what the calls left open is closed once all of them ended.
        w.closeLeaked();
        outcomes.add(new Outcome(List.copyOf(order), List.copyOf(kinds), w.snapshot()));
      }
    }
    return outcomes;
  }

  /**
   * Fails the test unless an observed interleaving matches one of the serial outcomes.
   *
   * @param when the interleaving, for messages
   * @param parties the parties
   * @param observed what the interleaving produced
   * @param serial what the parties produce one after another
   */
  public static void expect(
      String when, List<Party> parties, Outcome observed, List<Outcome> serial) {
    expect(when, parties, observed, serial, null);
  }

  /**
   * Fails the test unless an observed interleaving matches one of the serial outcomes; for code
   * whose calls commit more than once (not atomic: atomicity's tests judge that), it is enough that
   * the interleaving is serializable transaction by transaction as far as the judge can see: every
   * unit in stock or ordered exactly once, and no raw database error the serial runs do not show.
   *
   * @param when the interleaving, for messages
   * @param parties the parties
   * @param observed what the interleaving produced
   * @param serial what the parties produce one after another
   * @param start the database before, when the calls commit more than once each; else null
   */
  public static void expect(
      String when,
      List<Party> parties,
      Outcome observed,
      List<Outcome> serial,
      ShopSnapshot start) {
    for (Outcome s : serial) {
      if (s.matches(observed)) {
        return;
      }
    }
    if (start != null
        && (conserved(start, observed.end())
            || serial.stream().anyMatch(s -> !conserved(start, s.end())))
        && noNewFailures(observed, serial)) {
      // Conservation is only judged where the code keeps it when run alone.
      return;
    }
    List<String> allowed = serial.stream().map(s -> "  " + s.describe(parties)).toList();
    fail(
        Feedback.get(
            "isolation.notSerial", when, String.join("\n", allowed), observed.describe(parties)));
  }
}
