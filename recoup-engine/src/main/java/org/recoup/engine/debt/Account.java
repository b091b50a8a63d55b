package org.recoup.engine.debt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * One debt as the engine needs it. Amounts are minor units of {@code currency}.
 *
 * @param penaltyRatePerDay fraction of overdue principal+interest charged per day (0.001 = 1‰); null = no penalty
 * @param penaltyCap        cap on the account's total penalty in minor units; null = uncapped
 * @param zone              the business time zone: payments are dated by their local date here
 */
public record Account(
        String id,
        Product product,
        Currency currency,
        long principal,
        LocalDate openDate,
        BigDecimal penaltyRatePerDay,
        Long penaltyCap,
        int graceDays,
        Jurisdiction jurisdiction,
        ZoneId zone,
        Liability liability) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(openDate, "openDate");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        if (zone == null) {
            zone = jurisdiction.defaultZone();
        }
        if (liability == null) {
            liability = Liability.ORDINARY;
        }
        if (principal < 0) {
            throw new IllegalArgumentException("principal must not be negative: " + principal);
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("graceDays must not be negative: " + graceDays);
        }
        if (penaltyRatePerDay != null && penaltyRatePerDay.signum() < 0) {
            throw new IllegalArgumentException("penaltyRatePerDay must not be negative: " + penaltyRatePerDay);
        }
        if (penaltyCap != null && penaltyCap < 0) {
            throw new IllegalArgumentException("penaltyCap must not be negative: " + penaltyCap);
        }
    }
}
