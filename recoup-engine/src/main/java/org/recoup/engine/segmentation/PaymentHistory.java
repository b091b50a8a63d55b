package org.recoup.engine.segmentation;

/**
 * Payment behaviour on the case.
 *
 * @param partialCount       payments that covered less than the amount then due
 * @param regularPayer       paid every instalment of the last six months on time before this delinquency
 * @param lastPaymentDaysAgo days from the last payment to the business date; null if never paid
 */
public record PaymentHistory(int partialCount, boolean regularPayer, Integer lastPaymentDaysAgo) {

    public static final PaymentHistory NONE = new PaymentHistory(0, false, null);

    public PaymentHistory {
        if (partialCount < 0) {
            throw new IllegalArgumentException("partialCount must not be negative");
        }
        if (lastPaymentDaysAgo != null && lastPaymentDaysAgo < 0) {
            throw new IllegalArgumentException("lastPaymentDaysAgo must not be negative");
        }
    }
}
