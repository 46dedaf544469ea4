package org.txlab.course.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.txlab.course.patterns.ScriptedPayments.ChargeOutcome;
import org.txlab.course.patterns.ScriptedPayments.RefundOutcome;
import org.txlab.saga.PaymentDeclinedException;
import org.txlab.saga.PaymentStatus;
import org.txlab.saga.PaymentTimeoutException;

/** The provider's behaviours the compensation exercise's checks rely on. */
class ScriptedPaymentsTests {

  /** Thrown by the test's crash hook, so that a crash ends the call. */
  private static final class Crashed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crashed(String where) {
      super(where);
    }
  }

  private static final Crash THROW =
      where -> {
        throw new Crashed(where);
      };

  private static ScriptedPayments scripted(ChargeOutcome charge, RefundOutcome refund) {
    return new ScriptedPayments(
        new ScriptedPayments.Script() {
          @Override
          public ChargeOutcome charge(long orderId, int attempt) {
            return attempt == 1 ? charge : ChargeOutcome.PAY;
          }

          @Override
          public RefundOutcome refund(long orderId, int attempt) {
            return attempt == 1 ? refund : RefundOutcome.OK;
          }
        },
        THROW,
        c -> {});
  }

  @Test
  void chargingAnOrderTwiceChargesItOnce() throws Exception {
    ScriptedPayments p = ScriptedPayments.paying();
    p.charge(7, 4999);
    p.charge(7, 4999);
    assertThat(p.account(7).status()).isEqualTo(PaymentStatus.CHARGED);
    assertThat(p.account(7).heldCents()).isEqualTo(4999);
    assertThat(p.account(7).charges()).isEqualTo(2);
  }

  @Test
  void anotherAmountForAChargedOrderIsDeclinedAndTheFirstKept() throws Exception {
    ScriptedPayments p = ScriptedPayments.paying();
    p.charge(7, 4999);
    assertThatThrownBy(() -> p.charge(7, 9998)).isInstanceOf(PaymentDeclinedException.class);
    assertThat(p.account(7).heldCents()).isEqualTo(4999);
  }

  @Test
  void aLateChargeTimesOutHoldsNothingThenLandsWhenItsMomentComes() {
    ScriptedPayments p = scripted(ChargeOutcome.LATE, RefundOutcome.OK);
    assertThatThrownBy(() -> p.charge(3, 2500)).isInstanceOf(PaymentTimeoutException.class);
    assertThat(p.status(3)).isEqualTo(PaymentStatus.NONE);
    assertThat(p.account(3).lateCharge()).isTrue();
    assertThat(p.landLate()).isEqualTo(1);
    assertThat(p.status(3)).isEqualTo(PaymentStatus.CHARGED);
    assertThat(p.account(3).heldCents()).isEqualTo(2500);
    assertThat(p.landLate()).isZero();
  }

  @Test
  void aRetriedChargeLandsALateChargeOnce() throws Exception {
    ScriptedPayments p = scripted(ChargeOutcome.LATE, RefundOutcome.OK);
    assertThatThrownBy(() -> p.charge(3, 2500)).isInstanceOf(PaymentTimeoutException.class);
    p.charge(3, 2500);
    assertThat(p.account(3).status()).isEqualTo(PaymentStatus.CHARGED);
    assertThat(p.landLate()).isZero();
    assertThat(p.account(3).heldCents()).isEqualTo(2500);
  }

  @Test
  void aRefundBeforeALateChargeLandsVoidsItForGood() throws Exception {
    ScriptedPayments p = scripted(ChargeOutcome.LATE, RefundOutcome.OK);
    assertThatThrownBy(() -> p.charge(3, 2500)).isInstanceOf(PaymentTimeoutException.class);
    p.refund(3);
    assertThat(p.landLate()).isZero();
    assertThat(p.status(3)).isEqualTo(PaymentStatus.NONE);
    assertThat(p.account(3).voided()).isTrue();
    assertThatThrownBy(() -> p.charge(3, 2500)).isInstanceOf(PaymentDeclinedException.class);
    assertThat(p.status(3)).isEqualTo(PaymentStatus.NONE);
  }

  @Test
  void aRefundReturnsTheMoneyAndASecondChangesNothing() throws Exception {
    ScriptedPayments p = ScriptedPayments.paying();
    p.charge(5, 1999);
    p.refund(5);
    p.refund(5);
    assertThat(p.status(5)).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(p.account(5).heldCents()).isZero();
    assertThat(p.account(5).refunds()).isEqualTo(2);
  }

  @Test
  void aDeclineSticksWhateverTheScriptSaysNext() {
    ScriptedPayments p = scripted(ChargeOutcome.DECLINE, RefundOutcome.OK);
    assertThatThrownBy(() -> p.charge(2, 1999)).isInstanceOf(PaymentDeclinedException.class);
    assertThatThrownBy(() -> p.charge(2, 1999)).isInstanceOf(PaymentDeclinedException.class);
    assertThat(p.status(2)).isEqualTo(PaymentStatus.NONE);
    assertThat(p.account(2).declined()).isTrue();
  }

  @Test
  void aRefundThatTimesOutDoesNothingAndTheNextRefunds() throws Exception {
    ScriptedPayments p = scripted(ChargeOutcome.PAY, RefundOutcome.TIMEOUT);
    p.charge(4, 4999);
    assertThatThrownBy(() -> p.refund(4)).isInstanceOf(PaymentTimeoutException.class);
    assertThat(p.status(4)).isEqualTo(PaymentStatus.CHARGED);
    p.refund(4);
    assertThat(p.status(4)).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void aRefundWhoseAnswerTimesOutHasStillRefunded() throws Exception {
    ScriptedPayments p = scripted(ChargeOutcome.PAY, RefundOutcome.TIMEOUT_AFTER);
    p.charge(4, 4999);
    assertThatThrownBy(() -> p.refund(4)).isInstanceOf(PaymentTimeoutException.class);
    assertThat(p.status(4)).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void aCrashAfterTheChargeCallsTheHookWithTheChargeAlreadyInTheLedger() {
    List<String> seen = new ArrayList<>();
    ScriptedPayments p =
        new ScriptedPayments(
            (orderId, attempt) -> ChargeOutcome.CRASH_AFTER,
            THROW,
            c -> seen.add(c.method() + " " + c.outcome() + " " + c.after().status()));
    assertThatThrownBy(() -> p.charge(9, 4999)).isInstanceOf(Crashed.class);
    assertThat(seen).containsExactly("charge CRASH_AFTER CHARGED");
    assertThat(p.account(9).heldCents()).isEqualTo(4999);
  }

  @Test
  void aCrashBeforeTheChargeLeavesNothingCharged() {
    ScriptedPayments p = scripted(ChargeOutcome.CRASH_BEFORE, RefundOutcome.OK);
    assertThatThrownBy(() -> p.charge(9, 4999)).isInstanceOf(Crashed.class);
    assertThat(p.status(9)).isEqualTo(PaymentStatus.NONE);
    assertThat(p.account(9).lateCharge()).isFalse();
  }

  @Test
  void aRestoredLedgerIsWhatTheNextProviderHolds() throws Exception {
    ScriptedPayments before = ScriptedPayments.paying();
    before.charge(1, 4999);
    ScriptedPayments after = ScriptedPayments.paying();
    after.restore(before.ledger());
    assertThat(after.status(1)).isEqualTo(PaymentStatus.CHARGED);
    after.charge(1, 4999);
    assertThat(after.account(1).heldCents()).isEqualTo(4999);
    assertThat(after.account(1).charges()).isEqualTo(2);
  }

  @Test
  void theCrashHookMustNotReturn() {
    ScriptedPayments p = ScriptedPayments.firstCharge(ChargeOutcome.CRASH_BEFORE, where -> {});
    assertThatThrownBy(() -> p.charge(1, 4999)).isInstanceOf(IllegalStateException.class);
  }
}
