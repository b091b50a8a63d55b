package org.recoup.engine.property;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The late-fee rules as data.
 *
 * @param ratePerDay          fraction of the overdue fee charged per day (0.001 = 1‰)
 * @param graceDays           days after the due date on which no late fee accrues; they are not charged afterwards
 *                            either: the fee accrues from day {@code dueDate + graceDays + 1} (see {@link LateFees})
 * @param capRatio            the late fee of a bill never exceeds this fraction of the bill's amount (null = no cap);
 *                            1 = at most the fee itself
 * @param paymentInstructions how to pay, printed on the 催款通知单
 */
public record LateFeePolicy(int version, BigDecimal ratePerDay, int graceDays, BigDecimal capRatio,
                            String paymentInstructions) {

    public LateFeePolicy {
        Objects.requireNonNull(ratePerDay, "ratePerDay");
        if (ratePerDay.signum() < 0 || ratePerDay.compareTo(new BigDecimal("0.01")) > 0) {
            throw new IllegalArgumentException("ratePerDay must be between 0 and 0.01 (1%) per day, was " + ratePerDay);
        }
        if (graceDays < 0 || graceDays > 365) {
            throw new IllegalArgumentException("graceDays must be between 0 and 365, was " + graceDays);
        }
        if (capRatio != null && capRatio.signum() < 0) {
            throw new IllegalArgumentException("capRatio must not be negative, was " + capRatio);
        }
        paymentInstructions = paymentInstructions == null ? "" : paymentInstructions;
    }

    public LateFeePolicy withVersion(int v) {
        return new LateFeePolicy(v, ratePerDay, graceDays, capRatio, paymentInstructions);
    }
}
