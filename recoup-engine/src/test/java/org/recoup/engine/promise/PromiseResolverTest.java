package org.recoup.engine.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;

/** The promise lifecycle of contract §4, computed by hand. Zone Asia/Shanghai (UTC+8), amounts in fen. */
class PromiseResolverTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final PromisePolicy NO_GRACE = PromisePolicy.DEFAULT;
    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);

    /** 10:00 local time on the given day of November 2026. */
    private static Instant nov(int day) {
        return at(day, 10);
    }

    private static Instant at(int day, int hour) {
        return LocalDate.of(2026, 11, day).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private static Promise promise(String id, long amount, int dueDay, Instant promisedAt) {
        return Promise.of(id, "P1", amount, LocalDate.of(2026, 11, dueDay), promisedAt);
    }

    private static Payment pay(String id, long amount, Instant at) {
        return new Payment(id, at, amount, PaymentChannel.BANK_TRANSFER);
    }

    private static PromiseResolution only(List<Promise> promises, List<Payment> payments, int asOfDay, PromisePolicy policy) {
        List<PromiseResolution> all = PromiseResolver.resolve(promises, payments, LocalDate.of(2026, 11, asOfDay), ZONE, policy);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void aPromiseIsPendingUntilItsDueDateHasPassed() {
        Promise p = promise("A", 100_00, 10, nov(5));
        PromiseResolution onDueDate = only(List.of(p), List.of(), 10, NO_GRACE);
        assertThat(onDueDate.status()).isEqualTo(PromiseStatus.PENDING);
        assertThat(onDueDate.resolvedOn()).isNull();
    }

    @Test
    void nothingPaidByTheDueDateIsBrokenOnTheNextDay() {
        Promise p = promise("A", 100_00, 10, nov(5));
        PromiseResolution r = only(List.of(p), List.of(), 11, NO_GRACE);
        assertThat(r.status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(r.resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 11));
        assertThat(r.paid()).isZero();
    }

    @Test
    void aPromiseIsKeptAsSoonAsPaymentsCoverIt() {
        Promise p = promise("A", 100_00, 10, nov(5));
        List<Payment> payments = List.of(pay("x", 40_00, nov(6)), pay("y", 60_00, nov(8)));
        assertThat(only(List.of(p), payments, 7, NO_GRACE).status()).isEqualTo(PromiseStatus.PENDING);
        PromiseResolution r = only(List.of(p), payments, 8, NO_GRACE);
        assertThat(r.status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(r.resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(r.paid()).isEqualTo(100_00);
    }

    @Test
    void somethingButNotAllByTheDueDateIsPartiallyKept() {
        Promise p = promise("A", 100_00, 10, nov(5));
        PromiseResolution r = only(List.of(p), List.of(pay("x", 30_00, nov(9)), pay("late", 70_00, nov(11))), 12, NO_GRACE);
        assertThat(r.status()).isEqualTo(PromiseStatus.PARTIALLY_KEPT);
        assertThat(r.paid()).isEqualTo(30_00);
        assertThat(r.resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 11));
    }

    @Test
    void aPaymentOnTheDueDateLateInTheLocalEveningStillCounts() {
        Promise p = promise("A", 100_00, 10, nov(5));
        // 23:30 local on the 10th is 15:30 UTC: same local date as the due date
        Instant lateEvening = LocalDate.of(2026, 11, 10).atTime(23, 30).atZone(ZONE).toInstant();
        assertThat(only(List.of(p), List.of(pay("x", 100_00, lateEvening)), 11, NO_GRACE).status())
                .isEqualTo(PromiseStatus.KEPT);
        // 00:30 local on the 11th is still the 10th in UTC, but the business date is the 11th: too late
        Instant afterMidnight = LocalDate.of(2026, 11, 11).atTime(0, 30).atZone(ZONE).toInstant();
        assertThat(only(List.of(p), List.of(pay("x", 100_00, afterMidnight)), 11, NO_GRACE).status())
                .isEqualTo(PromiseStatus.BROKEN);
    }

    @Test
    void graceDaysExtendTheWindow() {
        PromisePolicy twoDays = new PromisePolicy(2);
        Promise p = promise("A", 100_00, 10, nov(5));
        assertThat(only(List.of(p), List.of(), 12, twoDays).status()).isEqualTo(PromiseStatus.PENDING);
        assertThat(only(List.of(p), List.of(pay("x", 100_00, nov(12))), 13, twoDays).status())
                .isEqualTo(PromiseStatus.KEPT);
        PromiseResolution broken = only(List.of(p), List.of(pay("x", 100_00, nov(13))), 13, twoDays);
        assertThat(broken.status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(broken.resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 13));
    }

    @Test
    void paymentsBeforeThePromiseWasMadeDoNotCount() {
        Promise p = promise("A", 100_00, 10, at(5, 15));
        PromiseResolution r = only(List.of(p), List.of(pay("before", 100_00, at(5, 9))), 11, NO_GRACE);
        assertThat(r.status()).isEqualTo(PromiseStatus.BROKEN);
    }

    @Test
    void overlappingPromisesAreServedOldestDueFirstAndEachPaymentCountsOnce() {
        Promise later = promise("LATER", 50_00, 12, nov(2));
        Promise sooner = promise("SOONER", 80_00, 9, nov(3));
        // 100: 80 to SOONER (due first), the remaining 20 to LATER; then 30 more completes LATER
        List<Payment> payments = List.of(pay("x", 100_00, nov(4)), pay("y", 30_00, nov(11)));
        List<PromiseResolution> rs = PromiseResolver.resolve(List.of(later, sooner), payments,
                LocalDate.of(2026, 11, 13), ZONE, NO_GRACE);
        assertThat(rs).extracting(PromiseResolution::promiseId).containsExactly("LATER", "SOONER");
        assertThat(rs.get(0).status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(rs.get(0).paid()).isEqualTo(50_00);
        assertThat(rs.get(0).resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 11));
        assertThat(rs.get(1).status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(rs.get(1).resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(rs.stream().mapToLong(PromiseResolution::paid).sum()).isEqualTo(100_00 + 30_00);
    }

    @Test
    void aPaymentAfterOnePromisesWindowGoesToTheNextOpenPromise() {
        Promise first = promise("FIRST", 100_00, 8, nov(1));
        Promise second = promise("SECOND", 100_00, 15, nov(9));
        List<PromiseResolution> rs = PromiseResolver.resolve(List.of(first, second), List.of(pay("x", 100_00, nov(10))),
                LocalDate.of(2026, 11, 16), ZONE, NO_GRACE);
        assertThat(rs).extracting(PromiseResolution::status)
                .containsExactly(PromiseStatus.BROKEN, PromiseStatus.KEPT);
    }

    @Test
    void aCancelledPromiseIsCancelledAndPaymentsAfterTheCancellationDoNotCount() {
        Promise p = new Promise("A", "P1", 100_00, LocalDate.of(2026, 11, 10), nov(5), nov(7));
        PromiseResolution r = only(List.of(p), List.of(pay("x", 30_00, nov(6)), pay("y", 70_00, nov(8))), 12, NO_GRACE);
        assertThat(r.status()).isEqualTo(PromiseStatus.CANCELLED);
        assertThat(r.paid()).isEqualTo(30_00);
        assertThat(r.resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 7));
        // before the cancellation was recorded the promise was still pending
        assertThat(only(List.of(p), List.of(), 6, NO_GRACE).status()).isEqualTo(PromiseStatus.PENDING);
    }

    @Test
    void cancellingAfterResolutionChangesNothing() {
        Promise keptThenCancelled = new Promise("K", "P1", 100_00, LocalDate.of(2026, 11, 10), nov(5), nov(9));
        assertThat(only(List.of(keptThenCancelled), List.of(pay("x", 100_00, nov(8))), 12, NO_GRACE).status())
                .isEqualTo(PromiseStatus.KEPT);
        Promise brokenThenCancelled = new Promise("B", "P1", 100_00, LocalDate.of(2026, 11, 10), nov(5), nov(12));
        assertThat(only(List.of(brokenThenCancelled), List.of(), 13, NO_GRACE).status())
                .isEqualTo(PromiseStatus.BROKEN);
    }

    @Test
    void promisesAndPaymentsAfterTheBusinessDateAreUnknown() {
        Promise tomorrow = promise("T", 100_00, 20, nov(11));
        Promise today = promise("A", 100_00, 10, nov(5));
        List<PromiseResolution> rs = PromiseResolver.resolve(List.of(tomorrow, today),
                List.of(pay("x", 100_00, nov(11))), NOV_10, ZONE, NO_GRACE);
        assertThat(rs).extracting(PromiseResolution::promiseId).containsExactly("A");
        assertThat(rs.getFirst().status()).isEqualTo(PromiseStatus.PENDING);
    }

    @Test
    void historyCountsPartialAsBrokenAndReadsTheMostRecentPromise() {
        Promise kept = promise("K", 100_00, 3, nov(1));
        Promise partial = promise("P", 100_00, 6, nov(4));
        Promise pending = promise("N", 100_00, 12, nov(9));
        List<Payment> payments = List.of(pay("a", 100_00, nov(2)), pay("b", 10_00, nov(5)));
        PtpHistory h = PromiseResolver.history(List.of(kept, partial, pending), payments, NOV_10, ZONE, NO_GRACE);
        assertThat(h).isEqualTo(new PtpHistory(3, 1, 1, PtpStatus.PENDING, 2, null));
    }

    @Test
    void historyOfAKeptOrBrokenLastPromiseGivesDaysSinceResolved() {
        Promise p = promise("A", 100_00, 8, nov(1));
        assertThat(PromiseResolver.history(List.of(p), List.of(pay("x", 100_00, nov(8))), NOV_10, ZONE, NO_GRACE))
                .isEqualTo(new PtpHistory(1, 1, 0, PtpStatus.KEPT, null, 2));
        assertThat(PromiseResolver.history(List.of(p), List.of(), NOV_10, ZONE, NO_GRACE))
                .isEqualTo(new PtpHistory(1, 0, 1, PtpStatus.BROKEN, null, 1));
    }

    @Test
    void pendingDuringGraceHasNegativeDaysToDue() {
        Promise p = promise("A", 100_00, 8, nov(1));
        assertThat(PromiseResolver.history(List.of(p), List.of(), NOV_10, ZONE, new PromisePolicy(3)))
                .isEqualTo(new PtpHistory(1, 0, 0, PtpStatus.PENDING, -2, null));
    }

    @Test
    void cancelledPromisesAreLeftOutOfTheHistory() {
        Promise earlier = promise("E", 100_00, 3, nov(1));
        Promise cancelled = new Promise("C", "P1", 100_00, LocalDate.of(2026, 11, 12), nov(5), nov(6));
        assertThat(PromiseResolver.history(List.of(earlier, cancelled), List.of(), NOV_10, ZONE, NO_GRACE))
                .isEqualTo(new PtpHistory(1, 0, 1, PtpStatus.BROKEN, null, 6));
        assertThat(PromiseResolver.history(List.of(cancelled), List.of(), NOV_10, ZONE, NO_GRACE))
                .isEqualTo(PtpHistory.NONE);
        assertThat(PromiseResolver.history(List.of(), List.of(), NOV_10, ZONE, NO_GRACE)).isEqualTo(PtpHistory.NONE);
    }

    @Test
    void invalidPromisesAndPoliciesAreRefused() {
        assertThatThrownBy(() -> promise("A", 0, 10, nov(1))).hasMessageContaining("amount must be positive");
        assertThatThrownBy(() -> new Promise("A", "P", 1, NOV_10, nov(5), nov(4))).hasMessageContaining("cancelled before");
        assertThatThrownBy(() -> new PromisePolicy(-1)).hasMessageContaining("graceDays");
    }
}
