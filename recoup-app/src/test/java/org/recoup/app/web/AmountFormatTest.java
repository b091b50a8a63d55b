package org.recoup.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AmountFormatTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void twoDigitCurrencyShowsCentsAndGroupsThousands() {
        assertThat(AmountFormat.format(123_456_789L, "CNY", ZH)).isEqualTo("1,234,567.89");
        assertThat(AmountFormat.format(100_000L, "USD", Locale.ENGLISH)).isEqualTo("1,000.00");
    }

    @Test
    void smallAmountsKeepLeadingZeroAndAllDigits() {
        assertThat(AmountFormat.format(0, "USD", Locale.ENGLISH)).isEqualTo("0.00");
        assertThat(AmountFormat.format(1, "CNY", ZH)).isEqualTo("0.01");
        assertThat(AmountFormat.format(-5, "CNY", ZH)).isEqualTo("-0.05");
    }

    @Test
    void currencyDigitsDecideTheDecimals() {
        assertThat(AmountFormat.format(5_000, "JPY", ZH)).isEqualTo("5,000");
        assertThat(AmountFormat.format(12_345, "BHD", Locale.ENGLISH)).isEqualTo("12.345");
    }

    @Test
    void largestAmountIsExactBecauseNoDoubleIsInvolved() {
        assertThat(AmountFormat.format(Long.MAX_VALUE, "CNY", ZH)).isEqualTo("92,233,720,368,547,758.07");
    }

    @Test
    void separatorsFollowTheLocale() {
        assertThat(AmountFormat.format(123_456_789L, "EUR", Locale.GERMANY)).isEqualTo("1.234.567,89");
    }

    @Test
    void unknownCurrencyCodeFallsBackToTwoDigits() {
        assertThat(AmountFormat.digitsOf("ZZZ")).isEqualTo(2);
        assertThat(AmountFormat.format(12_345, "ZZZ", Locale.ENGLISH)).isEqualTo("123.45");
    }

    @Test
    void codeIsPutInFront() {
        assertThat(new AmountFormat().withCode(123_456, "USD")).endsWith("1,234.56").startsWith("USD ");
    }
}
