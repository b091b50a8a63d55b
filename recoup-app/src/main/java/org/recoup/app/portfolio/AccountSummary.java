package org.recoup.app.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Money;
import org.recoup.engine.debt.Product;

/**
 * The terms of one account, without its parties and history. Amounts are minor units of {@code currency}.
 *
 * @param penaltyRatePerDay fraction per day (0.001 = 1‰); null = no penalty
 * @param penaltyCapMinor   cap on the account's total penalty in minor units; null = uncapped
 */
public record AccountSummary(
        String accountId,
        Product product,
        Currency currency,
        long principalMinor,
        LocalDate openDate,
        Jurisdiction jurisdiction,
        int graceDays,
        BigDecimal penaltyRatePerDay,
        Long penaltyCapMinor,
        String portfolio,
        String creditor) {

    public AccountSummary {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
    }

    public Money principal() {
        return Money.ofMinor(principalMinor, currency);
    }

    /** Minor-unit digits of the account's currency (2 for CNY). */
    public int currencyScale() {
        return Money.scaleOf(currency);
    }
}
