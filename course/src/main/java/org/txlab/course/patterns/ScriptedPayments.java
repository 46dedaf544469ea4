package org.txlab.course.patterns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.txlab.course.Messages;
import org.txlab.saga.PaymentDeclinedException;
import org.txlab.saga.PaymentStatus;
import org.txlab.saga.PaymentTimeoutException;
import org.txlab.saga.Payments;

/**
 * A payment provider that answers each charge and refund as a script says, and keeps the ledger a
 * real provider would: per order, what was charged, refunded or voided. Every call is idempotent
 * per order (see {@link Payments}). A charge scripted to succeed late is held until {@link
 * #landLate()} (or a retried charge of the same order) lands it, unless a refund voided it first.
 * Thread-safe.
 */
public final class ScriptedPayments implements Payments {

  /** What the provider does with one charge. */
  public enum ChargeOutcome {
    /** Charged; the call returns. */
    PAY,
    /** Declined; nothing is charged, and later charges of the order are declined too. */
    DECLINE,
    /** No answer in time, and nothing charged. */
    TIMEOUT,
    /** No answer in time, but the charge lands later. */
    LATE,
    /** The calling process crashes before the provider saw the charge. */
    CRASH_BEFORE,
    /** Charged, then the calling process crashes before it sees the answer. */
    CRASH_AFTER
  }

  /** What the provider does with one refund. */
  public enum RefundOutcome {
    /** Refunded (or voided); the call returns. */
    OK,
    /** No answer in time, and nothing done. */
    TIMEOUT,
    /** Refunded (or voided), but the answer does not come in time. */
    TIMEOUT_AFTER,
    /** The calling process crashes before the provider saw the refund. */
    CRASH_BEFORE,
    /** Refunded (or voided), then the calling process crashes. */
    CRASH_AFTER
  }

  /** Says what the provider does with each call. */
  public interface Script {
    /**
     * The outcome of a charge.
     *
     * @param orderId the order
     * @param attempt the number of this charge of this order, from 1
     * @return what happens
     */
    ChargeOutcome charge(long orderId, int attempt);

    /**
     * The outcome of a refund.
     *
     * @param orderId the order
     * @param attempt the number of this refund of this order, from 1
     * @return what happens
     */
    default RefundOutcome refund(long orderId, int attempt) {
      return RefundOutcome.OK;
    }
  }

  /**
   * The provider's ledger entry of one order.
   *
   * @param orderId the order
   * @param amountCents what it was charged (or is to be charged late); 0 if never charged
   * @param status what the provider holds now
   * @param declined whether a charge of it was declined
   * @param lateCharge whether a timed-out charge of it has yet to land
   * @param voided whether a refund cancelled its payment before anything was charged
   * @param charges how many times {@code charge} was called for it
   * @param refunds how many times {@code refund} was called for it
   */
  public record Account(
      long orderId,
      long amountCents,
      PaymentStatus status,
      boolean declined,
      boolean lateCharge,
      boolean voided,
      int charges,
      int refunds) {

    /** Returns the money the provider holds for the order: the amount if charged, else 0. */
    public long heldCents() {
      return status == PaymentStatus.CHARGED ? amountCents : 0;
    }

    private static Account fresh(long orderId) {
      return new Account(orderId, 0, PaymentStatus.NONE, false, false, false, 0, 0);
    }
  }

  /**
   * One call as the provider saw it.
   *
   * @param method {@code charge}, {@code refund}, {@code status} or {@code land}
   * @param orderId the order
   * @param attempt the call's number among this method's calls for the order, from 1
   * @param outcome what happened, e.g. {@code PAY}, {@code TIMEOUT}, {@code CHARGED}
   * @param after the order's account after the call
   */
  public record Call(String method, long orderId, int attempt, String outcome, Account after) {}

  private final Script script;
  private final Crash crash;
  private final Consumer<Call> listener;
  private final Map<Long, Account> ledger = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();

  /**
   * Creates the provider with an empty ledger.
   *
   * @param script what it does with each call
   * @param crash how a crash outcome crashes the process
   * @param listener told of every call with its outcome, before a crash takes effect
   */
  public ScriptedPayments(Script script, Crash crash, Consumer<Call> listener) {
    this.script = script;
    this.crash = crash;
    this.listener = listener;
  }

  /**
   * A provider that charges and refunds every order at once.
   *
   * @return the provider
   */
  public static ScriptedPayments paying() {
    return new ScriptedPayments((orderId, attempt) -> ChargeOutcome.PAY, Crash.NEVER, c -> {});
  }

  /**
   * A provider whose first charge of every order has the given outcome, and later charges pay.
   *
   * @param first the first charge's outcome
   * @param crash how a crash outcome crashes the process
   * @return the provider
   */
  public static ScriptedPayments firstCharge(ChargeOutcome first, Crash crash) {
    return new ScriptedPayments(
        (orderId, attempt) -> attempt == 1 ? first : ChargeOutcome.PAY, crash, c -> {});
  }

  /**
   * Puts accounts into the ledger, e.g. those a provider held before the process that used it was
   * killed.
   *
   * @param accounts the accounts; an order's account replaces the one held
   */
  public synchronized void restore(List<Account> accounts) {
    accounts.forEach(a -> ledger.put(a.orderId(), a));
  }

  @Override
  public void charge(long orderId, long amountCents)
      throws PaymentDeclinedException, PaymentTimeoutException {
    Account before;
    ChargeOutcome outcome;
    Call call;
    synchronized (this) {
      before = account(orderId);
      int attempt = before.charges() + 1;
      Account counted =
          with(before, before.status(), before.lateCharge(), attempt, before.refunds());
      String o;
      Account after;
      if (counted.voided() || counted.status() == PaymentStatus.REFUNDED) {
        outcome = ChargeOutcome.DECLINE;
        o = "VOIDED";
        after = counted;
      } else if (counted.declined()) {
        outcome = ChargeOutcome.DECLINE;
        o = "DECLINE";
        after = counted;
      } else if (counted.status() == PaymentStatus.CHARGED || counted.lateCharge()) {
        // Idempotent: a charge the provider already has (or holds to land) succeeds again.
        outcome = counted.amountCents() == amountCents ? ChargeOutcome.PAY : ChargeOutcome.DECLINE;
        o = outcome == ChargeOutcome.PAY ? "ALREADY_CHARGED" : "AMOUNT";
        after =
            outcome == ChargeOutcome.PAY
                ? with(counted, PaymentStatus.CHARGED, false, attempt, counted.refunds())
                : counted;
      } else {
        outcome = script.charge(orderId, attempt);
        o = outcome.name();
        after =
            switch (outcome) {
              case PAY, CRASH_AFTER ->
                  charged(counted, amountCents, PaymentStatus.CHARGED, false, attempt);
              case LATE -> charged(counted, amountCents, PaymentStatus.NONE, true, attempt);
              case DECLINE ->
                  new Account(
                      orderId,
                      0,
                      PaymentStatus.NONE,
                      true,
                      false,
                      false,
                      attempt,
                      before.refunds());
              case TIMEOUT, CRASH_BEFORE -> counted;
            };
      }
      ledger.put(orderId, after);
      call = new Call("charge", orderId, attempt, o, after);
      calls.add(call);
    }
    listener.accept(call);
    String id = Long.toString(orderId);
    String attempt = Integer.toString(call.attempt());
    switch (call.outcome()) {
      case "VOIDED" ->
          throw new PaymentDeclinedException(Messages.get("patterns.payments.voided", id));
      case "AMOUNT" ->
          throw new PaymentDeclinedException(
              Messages.get(
                  "patterns.payments.amount",
                  id,
                  Long.toString(before.amountCents()),
                  Long.toString(amountCents)));
      default -> {}
    }
    switch (outcome) {
      case PAY -> {}
      case DECLINE ->
          throw new PaymentDeclinedException(
              Messages.get("patterns.payments.declined", id, attempt));
      case TIMEOUT, LATE ->
          throw new PaymentTimeoutException(
              Messages.get("patterns.payments.chargeTimeout", id, attempt));
      case CRASH_BEFORE ->
          Crash.at(crash, "payments: charge of order " + id + ", before it arrived");
      case CRASH_AFTER -> Crash.at(crash, "payments: order " + id + " charged, before the answer");
    }
  }

  @Override
  public void refund(long orderId) throws PaymentTimeoutException {
    RefundOutcome outcome;
    Call call;
    synchronized (this) {
      Account before = account(orderId);
      int attempt = before.refunds() + 1;
      outcome = script.refund(orderId, attempt);
      Account after =
          switch (outcome) {
            case OK, TIMEOUT_AFTER, CRASH_AFTER -> cancelled(before, attempt);
            case TIMEOUT, CRASH_BEFORE ->
                with(before, before.status(), before.lateCharge(), before.charges(), attempt);
          };
      ledger.put(orderId, after);
      call = new Call("refund", orderId, attempt, outcome.name(), after);
      calls.add(call);
    }
    listener.accept(call);
    String id = Long.toString(orderId);
    switch (outcome) {
      case OK -> {}
      case TIMEOUT, TIMEOUT_AFTER ->
          throw new PaymentTimeoutException(
              Messages.get(
                  "patterns.payments.refundTimeout", id, Integer.toString(call.attempt())));
      case CRASH_BEFORE ->
          Crash.at(crash, "payments: refund of order " + id + ", before it arrived");
      case CRASH_AFTER -> Crash.at(crash, "payments: order " + id + " refunded, before the answer");
    }
  }

  @Override
  public PaymentStatus status(long orderId) {
    Call call;
    synchronized (this) {
      Account a = account(orderId);
      call = new Call("status", orderId, 0, a.status().name(), a);
      calls.add(call);
    }
    listener.accept(call);
    return call.after().status();
  }

  /**
   * Lands every charge that timed out but was scripted to succeed late, unless a refund voided it:
   * the moment the provider's late answer would have come.
   *
   * @return how many charges landed
   */
  public int landLate() {
    List<Call> landed = new ArrayList<>();
    synchronized (this) {
      for (Account a : List.copyOf(ledger.values())) {
        if (a.lateCharge()) {
          Account after = with(a, PaymentStatus.CHARGED, false, a.charges(), a.refunds());
          ledger.put(a.orderId(), after);
          Call call = new Call("land", a.orderId(), 0, "CHARGED", after);
          calls.add(call);
          landed.add(call);
        }
      }
    }
    landed.forEach(listener);
    return landed.size();
  }

  /** Returns the ledger: every order the provider was called for, in order of its first call. */
  public synchronized List<Account> ledger() {
    return List.copyOf(ledger.values());
  }

  /**
   * Returns one order's account.
   *
   * @param orderId the order
   * @return its account; a fresh one if the provider was never called for it
   */
  public synchronized Account account(long orderId) {
    return ledger.getOrDefault(orderId, Account.fresh(orderId));
  }

  /** Returns every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private static Account with(
      Account a, PaymentStatus status, boolean late, int charges, int refunds) {
    return new Account(
        a.orderId(), a.amountCents(), status, a.declined(), late, a.voided(), charges, refunds);
  }

  private static Account charged(
      Account a, long amountCents, PaymentStatus status, boolean late, int charges) {
    return new Account(a.orderId(), amountCents, status, false, late, false, charges, a.refunds());
  }

  private static Account cancelled(Account a, int refunds) {
    PaymentStatus status =
        a.status() == PaymentStatus.CHARGED || a.status() == PaymentStatus.REFUNDED
            ? PaymentStatus.REFUNDED
            : PaymentStatus.NONE;
    boolean voided = status == PaymentStatus.NONE;
    return new Account(
        a.orderId(), a.amountCents(), status, a.declined(), false, voided, a.charges(), refunds);
  }
}
