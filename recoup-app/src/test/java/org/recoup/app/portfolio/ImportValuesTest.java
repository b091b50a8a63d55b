package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ImportValuesTest {

    @Test
    void amountsAreDecimalsWithDotAndTrailingZerosDoNotCountAsDecimals() {
        assertThat(ImportValues.decimal("12000.00")).isEqualTo(new ImportValues.Decimal(12000, 0));
        assertThat(ImportValues.decimal("1060.5")).isEqualTo(new ImportValues.Decimal(10605, 1));
        assertThat(ImportValues.decimal("10.005")).isEqualTo(new ImportValues.Decimal(10005, 3));
        assertThat(ImportValues.decimal("0.0005")).isEqualTo(new ImportValues.Decimal(5, 4));
        assertThat(ImportValues.decimal("0")).isEqualTo(new ImportValues.Decimal(0, 0));
        assertThat(ImportValues.decimal("-5.10")).isEqualTo(new ImportValues.Decimal(-51, 1));
    }

    @Test
    void amountsWithGroupingExponentOrTwoDotsAreNotDecimals() {
        assertThat(ImportValues.decimal("1,000.00")).isNull();
        assertThat(ImportValues.decimal("1e5")).isNull();
        assertThat(ImportValues.decimal("1.2.3")).isNull();
        assertThat(ImportValues.decimal("")).isNull();
        assertThat(ImportValues.decimal("-")).isNull();
        assertThat(ImportValues.decimal("¥100")).isNull();
        assertThat(ImportValues.decimal("1234567890123456789")).as("more than 18 digits").isNull();
    }

    @Test
    void amountsScaleToMinorUnitsOfTheCurrency() {
        assertThat(ImportValues.decimal("12000.00").scaledTo(2)).isEqualTo(1_200_000L);
        assertThat(ImportValues.decimal("1060.5").scaledTo(2)).isEqualTo(106_050L);
        assertThat(ImportValues.decimal("500").scaledTo(0)).isEqualTo(500L);
        assertThat(ImportValues.decimal("1.5").scaledTo(4)).isEqualTo(15_000L);
    }

    @Test
    void datesAreStrictIsoCalendarDates() {
        assertThat(ImportValues.date("2026-03-15")).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(ImportValues.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ImportValues.date("2026-02-29")).as("not a leap year").isNull();
        assertThat(ImportValues.date("2026/13/01")).isNull();
        assertThat(ImportValues.date("2026-13-01")).isNull();
        assertThat(ImportValues.date("2026-1-5")).isNull();
        assertThat(ImportValues.date("15.03.2026")).isNull();
    }

    @Test
    void instantsNeedAnOffset() {
        assertThat(ImportValues.instant("2026-04-15T20:11:00+08:00"))
                .isEqualTo(OffsetDateTime.of(2026, 4, 15, 20, 11, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(ImportValues.instant("2026-03-04T14:00:00-05:00"))
                .isEqualTo(OffsetDateTime.of(2026, 3, 4, 14, 0, 0, 0, ZoneOffset.ofHours(-5)));
        assertThat(ImportValues.instant("2026-04-15T12:11:00Z").toInstant())
                .isEqualTo(ImportValues.instant("2026-04-15T20:11:00+08:00").toInstant());
        assertThat(ImportValues.instant("2026-04-15T20:11:00.250+08:00").getNano()).isEqualTo(250_000_000);
        assertThat(ImportValues.instant("2026-04-15T20:11+08:00")).isNotNull();
        assertThat(ImportValues.instant("2026-04-15T20:11:00")).as("no offset").isNull();
        assertThat(ImportValues.instant("2026-04-15 20:11:00")).isNull();
        assertThat(ImportValues.instant("2026-04-15T25:11:00+08:00")).isNull();
        assertThat(ImportValues.instant("2026-04-15")).isNull();
    }

    @Test
    void currenciesAreIso4217Codes() {
        assertThat(ImportValues.currency("CNY")).isNotNull();
        assertThat(ImportValues.currency("JPY")).satisfies(c -> assertThat(ImportValues.digitsOf(c)).isZero());
        assertThat(ImportValues.currency("RMB")).isNull();
        assertThat(ImportValues.currency("CN")).isNull();
    }

    @Test
    void timeZonesAreIanaRegionIds() {
        assertThat(ImportValues.isTimeZone("Asia/Shanghai")).isTrue();
        assertThat(ImportValues.isTimeZone("America/New_York")).isTrue();
        assertThat(ImportValues.isTimeZone("CST")).isFalse();
        assertThat(ImportValues.isTimeZone("+08:00")).isFalse();
        assertThat(ImportValues.isTimeZone("asia/shanghai")).isFalse();
    }

    @Test
    void wholeNumbersHaveNoSignOrDecimals() {
        assertThat(ImportValues.wholeNumber("30")).isEqualTo(30);
        assertThat(ImportValues.wholeNumber("0")).isZero();
        assertThat(ImportValues.wholeNumber("-1")).isNegative();
        assertThat(ImportValues.wholeNumber("3.5")).isNegative();
        assertThat(ImportValues.wholeNumber("")).isNegative();
    }
}
