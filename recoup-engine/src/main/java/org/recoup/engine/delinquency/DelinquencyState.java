package org.recoup.engine.delinquency;

import java.time.LocalDate;
import java.util.Currency;

/**
 * An account's delinquency as of a business date (contract §3). Amounts are minor units of {@code currency}.
 *
 * @param oldestUnpaidDueDate due date of the oldest instalment due before {@code asOf} and not fully paid; null if none
 * @param penaltyAccrued      total penalty charged up to {@code asOf} (after the cap, rounded)
 * @param unappliedCredit     money received beyond everything scheduled, held as credit
 */
public record DelinquencyState(
        String accountId,
        LocalDate asOf,
        Currency currency,
        int dpd,
        String bucket,
        String stage,
        AgingBucket agingBucket,
        RiskClass riskClass,
        Overdue overdue,
        long outstandingPrincipal,
        long penaltyAccrued,
        long unappliedCredit,
        LocalDate oldestUnpaidDueDate,
        int policyVersion) {
}
