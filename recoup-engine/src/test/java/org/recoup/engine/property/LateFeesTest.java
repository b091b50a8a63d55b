package org.recoup.engine.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LateFeesTest {

    private static final LateFeePolicy ONE_PER_MILLE = new LateFeePolicy(1, new BigDecimal("0.001"), 0, BigDecimal.ONE, "");
    private static final LocalDate DUE = LocalDate.of(2026, 1, 31);

    @Test
    void anUnpaidFeeAccruesOnePerMillePerDayAfterTheDueDate() {
        // 1,000.00 × 0.001 × 30 days (Feb 1 .. Mar 2) = 30.00
        assertThat(LateFees.accrued(100_000, DUE, List.of(), LocalDate.of(2026, 3, 2), ONE_PER_MILLE)).isEqualTo(3_000);
    }

    @Test
    void nothingAccruesOnTheDueDateItself() {
        assertThat(LateFees.accrued(100_000, DUE, List.of(), DUE, ONE_PER_MILLE)).isZero();
        assertThat(LateFees.accrued(100_000, DUE, List.of(), DUE.plusDays(1), ONE_PER_MILLE)).isEqualTo(100);
    }

    @Test
    void graceDaysAreNotChargedAfterwardsEither() {
        LateFeePolicy grace5 = new LateFeePolicy(1, new BigDecimal("0.001"), 5, null, "");
        // due Jan 31, grace Feb 1..5, charged Feb 6 .. Feb 15 = 10 days × 1.00 = 10.00
        assertThat(LateFees.accrued(100_000, DUE, List.of(), LocalDate.of(2026, 2, 5), grace5)).isZero();
        assertThat(LateFees.accrued(100_000, DUE, List.of(), LocalDate.of(2026, 2, 15), grace5)).isEqualTo(1_000);
    }

    @Test
    void aPartialPaymentLowersTheBaseFromTheNextDay() {
        // 1,000.00 due Jan 31; 600.00 paid Feb 10. Feb 1..10 (10 days) on 1,000.00 = 10.00;
        // Feb 11..Feb 20 (10 days) on 400.00 = 4.00 → 14.00
        List<FeePayment> paid = List.of(new FeePayment(LocalDate.of(2026, 2, 10), 60_000));
        assertThat(LateFees.accrued(100_000, DUE, paid, LocalDate.of(2026, 2, 20), ONE_PER_MILLE)).isEqualTo(1_400);
    }

    @Test
    void theCapLimitsTheLateFeeToAShareOfTheFee() {
        LateFeePolicy capped = new LateFeePolicy(1, new BigDecimal("0.001"), 0, new BigDecimal("0.05"), "");
        // uncapped 2 years ≈ 730.00 on 1,000.00; capped at 5% = 50.00
        assertThat(LateFees.accrued(100_000, DUE, List.of(), DUE.plusYears(2), capped)).isEqualTo(5_000);
    }

    @Test
    void roundingHappensOnceAtTheEndHalfEven() {
        // 123.45 × 0.001 = 0.12345 per day; 3 days = 0.37035 → 0.37 (rounding each day would give 0.36)
        assertThat(LateFees.accrued(12_345, DUE, List.of(), DUE.plusDays(3), ONE_PER_MILLE)).isEqualTo(37);
    }

    @Test
    void paymentsPayTheFeeFirstThenTheLateFee() {
        // 1,000.00 due Jan 31 paid 1,010.00 on Feb 10: late fee Feb 1..10 = 10.00, fully paid
        BillStatus status = LateFees.status(100_000, DUE, List.of(new FeePayment(LocalDate.of(2026, 2, 10), 101_000)),
                LocalDate.of(2026, 3, 31), ONE_PER_MILLE);
        assertThat(status.feeCollectedMinor()).isEqualTo(100_000);
        assertThat(status.lateFeeMinor()).isEqualTo(1_000);
        assertThat(status.lateFeeCollectedMinor()).isEqualTo(1_000);
        assertThat(status.overdueDays()).isZero();
    }

    @Test
    void aRateAboveOnePercentPerDayIsRefused() {
        assertThatThrownBy(() -> new LateFeePolicy(1, new BigDecimal("0.02"), 0, null, ""))
                .hasMessageContaining("ratePerDay");
    }

    @Property
    void theLateFeeNeverDecreasesWithTimeNorExceedsTheCap(@ForAll @LongRange(min = 1, max = 10_000_000) long fee,
                                                           @ForAll @IntRange(min = 0, max = 2000) int days,
                                                           @ForAll @LongRange(min = 0, max = 10_000_000) long paid,
                                                           @ForAll @IntRange(min = 0, max = 400) int paidAfter) {
        List<FeePayment> payments = paid == 0 ? List.of() : List.of(new FeePayment(DUE.plusDays(paidAfter), paid));
        long today = LateFees.accrued(fee, DUE, payments, DUE.plusDays(days), ONE_PER_MILLE);
        long tomorrow = LateFees.accrued(fee, DUE, payments, DUE.plusDays(days + 1L), ONE_PER_MILLE);
        assertThat(tomorrow).isGreaterThanOrEqualTo(today);
        assertThat(tomorrow).isLessThanOrEqualTo(fee);
        assertThat(today).isLessThanOrEqualTo(Math.round(fee * 0.001 * days) + 1);
    }
}
