package org.recoup.engine.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 滞纳金: for each day {@code d} with {@code dueDate + graceDays < d ≤ asOf}, {@code ratePerDay ×} the fee still unpaid
 * at the start of {@code d} (payments made before {@code d} count; a payment on {@code d} counts from {@code d + 1}).
 * Summed exactly, capped at {@code capRatio × fee}, rounded half-even to the minor unit once at the end.
 *
 * <p>Example: fee 1,000.00 due 2026-01-31, rate 1‰, grace 0, nothing paid: on 2026-03-02 the late fee is
 * 1,000.00 × 0.001 × 30 days = 30.00.
 */
public final class LateFees {

    private LateFees() {
    }

    public static long accrued(long feeMinor, LocalDate dueDate, List<FeePayment> payments, LocalDate asOf,
                               LateFeePolicy policy) {
        LocalDate firstDay = dueDate.plusDays(policy.graceDays() + 1L);
        if (asOf.isBefore(firstDay) || feeMinor == 0 || policy.ratePerDay().signum() == 0) {
            return 0;
        }
        // Σ over charged days of the fee unpaid at the start of the day (minor units × days); a payment on day p
        // lowers the base from day p + 1 on
        java.util.TreeMap<LocalDate, Long> changes = new java.util.TreeMap<>();
        long paid = 0;
        for (FeePayment p : payments) {
            LocalDate effective = p.paidOn().plusDays(1);
            if (!effective.isAfter(firstDay)) {
                paid += p.amountMinor();
            } else if (!effective.isAfter(asOf)) {
                changes.merge(effective, p.amountMinor(), Long::sum);
            }
        }
        long unpaidDays = 0;
        LocalDate start = firstDay;
        for (var change : changes.entrySet()) {
            unpaidDays += Math.max(0, feeMinor - paid) * ChronoUnit.DAYS.between(start, change.getKey());
            paid += change.getValue();
            start = change.getKey();
        }
        unpaidDays += Math.max(0, feeMinor - paid) * ChronoUnit.DAYS.between(start, asOf.plusDays(1));
        BigDecimal fee = policy.ratePerDay().multiply(BigDecimal.valueOf(unpaidDays));
        if (policy.capRatio() != null) {
            fee = fee.min(policy.capRatio().multiply(BigDecimal.valueOf(feeMinor)));
        }
        return fee.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The bill as of {@code asOf}: payments up to then pay the fee first, then the late fee. */
    public static BillStatus status(long feeMinor, LocalDate dueDate, List<FeePayment> payments, LocalDate asOf,
                                    LateFeePolicy policy) {
        List<FeePayment> upToDate = payments.stream().filter(p -> !p.paidOn().isAfter(asOf)).toList();
        long paid = upToDate.stream().mapToLong(FeePayment::amountMinor).sum();
        long late = accrued(feeMinor, dueDate, upToDate, asOf, policy);
        long feePaid = Math.min(paid, feeMinor);
        long latePaid = Math.min(paid - feePaid, late);
        int overdueDays = feePaid < feeMinor ? (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf)) : 0;
        return new BillStatus(feeMinor, feePaid, late, latePaid, overdueDays);
    }
}
