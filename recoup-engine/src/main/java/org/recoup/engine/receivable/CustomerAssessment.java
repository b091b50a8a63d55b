package org.recoup.engine.receivable;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's receivables as of a date.
 *
 * @param aging               outstanding per aging band, in the policy's band order (zero bands included)
 * @param oldestDaysPastDue   days past due of the oldest unpaid overdue item (0 = nothing overdue)
 * @param oldestOverdueDue    its due date (null when nothing is overdue): marks the delinquency episode
 * @param overLimit           outstanding above the credit limit (false when no limit is set)
 * @param reminderLevel       the highest reminder level that applies, capped by the track (null = none)
 */
public record CustomerAssessment(LocalDate asOf, List<BandAmount> aging, long outstandingMinor, long overdueMinor,
                                 int oldestDaysPastDue, LocalDate oldestOverdueDue, Long creditLimitMinor,
                                 boolean overLimit, String riskClass, String riskLabel, String track,
                                 String trackLabel, String reminderLevel) {

    public record BandAmount(String code, String label, long amountMinor) {
    }

    /** Credit limit minus outstanding (negative when over), null without a limit. */
    public Long availableCreditMinor() {
        return creditLimitMinor == null ? null : creditLimitMinor - outstandingMinor;
    }
}
