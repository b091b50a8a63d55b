package org.recoup.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.portfolio.AccountSummary;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Product;
import org.junit.jupiter.api.Test;

class PaymentAmountTest {

    private static AccountSummary accountIn(String currency) {
        return new AccountSummary("L-1", Product.CONSUMER_LOAN, Currency.getInstance(currency), 100_000,
                LocalDate.of(2026, 1, 1), Jurisdiction.CN, 0, null, null, null, null);
    }

    @Test
    void amountBecomesMinorUnitsOfTheAccountCurrency() {
        assertThat(PaymentPosting.minorUnits(new BigDecimal("1060.00"), accountIn("CNY"))).isEqualTo(106_000);
        assertThat(PaymentPosting.minorUnits(new BigDecimal("0.01"), accountIn("CNY"))).isEqualTo(1);
        assertThat(PaymentPosting.minorUnits(new BigDecimal("1E+3"), accountIn("CNY"))).isEqualTo(100_000);
        assertThat(PaymentPosting.minorUnits(new BigDecimal("1000"), accountIn("JPY"))).isEqualTo(1000);
    }

    @Test
    void trailingZerosBeyondTheCurrencyScaleAreAccepted() {
        assertThat(PaymentPosting.minorUnits(new BigDecimal("10.500"), accountIn("CNY"))).isEqualTo(1050);
        assertThat(PaymentPosting.minorUnits(new BigDecimal("1000.0"), accountIn("JPY"))).isEqualTo(1000);
    }

    @Test
    void moreDecimalsThanTheCurrencyAllowsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> PaymentPosting.minorUnits(new BigDecimal("10.001"), accountIn("CNY")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.field()).isEqualTo("amount");
                    assertThat(p.getMessage()).contains("at most 2 decimals for CNY").contains("10.001");
                });
        assertThatThrownBy(() -> PaymentPosting.minorUnits(new BigDecimal("10.5"), accountIn("JPY")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("at most 0 decimals for JPY"));
    }

    @Test
    void amountsThatDoNotFitMinorUnitsAreRefused() {
        assertThatThrownBy(() -> PaymentPosting.minorUnits(new BigDecimal("1E+16"), accountIn("CNY")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("amount"));
        assertThat(PaymentPosting.minorUnits(new BigDecimal("999999999999999.99"), accountIn("CNY")))
                .isEqualTo(99_999_999_999_999_999L);
    }
}
