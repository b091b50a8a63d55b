package org.recoup.engine.property;

/**
 * One fee bill as of a date. Payments pay the fee first, then the late fee; anything beyond is unapplied credit.
 *
 * @param feeCollectedMinor     paid towards the fee itself (≤ the fee)
 * @param lateFeeMinor          late fee accrued up to the date (rounded, capped)
 * @param lateFeeCollectedMinor paid towards the late fee
 * @param overdueDays           days the fee has been past due (0 when paid or not yet due)
 */
public record BillStatus(long feeMinor, long feeCollectedMinor, long lateFeeMinor, long lateFeeCollectedMinor,
                         int overdueDays) {

    public long feeOutstandingMinor() {
        return feeMinor - feeCollectedMinor;
    }

    public long lateFeeOutstandingMinor() {
        return lateFeeMinor - lateFeeCollectedMinor;
    }
}
