package org.recoup.app.delinquency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.delinquency.Overdue;
import org.recoup.engine.delinquency.RiskClass;

class StateCsvTest {

    private static DelinquencyState state(String accountId, String currency, long overduePrincipal) {
        return new DelinquencyState(accountId, LocalDate.parse("2026-11-23"), Currency.getInstance(currency), 192, "M6+",
                "LEGAL", AgingBucket.Y0_1, RiskClass.DOUBTFUL, new Overdue(overduePrincipal, 5_500, 0, 1_234),
                300_000, 1_234, 0, LocalDate.parse("2026-05-15"), 1);
    }

    @Test
    void amountsAreWrittenInMajorUnitsWithTheCurrencysDigits() {
        String row = StateCsv.row(state("L-1001", "CNY", 55_606));

        assertThat(row).isEqualTo("L-1001,2026-11-23,CNY,192,M6+,LEGAL,Y0_1,DOUBTFUL,556.06,55.00,0.00,12.34,"
                + "623.40,3000.00,12.34,0.00,2026-05-15,1\n");
    }

    @Test
    void currenciesWithoutMinorUnitsHaveNoDecimals() {
        String row = StateCsv.row(state("J-1", "JPY", 55_606));

        assertThat(row).contains(",55606,5500,0,1234,62340,300000,");
    }

    @Test
    void idsWithCommasOrQuotesAreQuotedPerRfc4180() {
        assertThat(StateCsv.row(state("A,\"1\"", "CNY", 0))).startsWith("\"A,\"\"1\"\"\",2026-11-23,");
    }

    @Test
    void headerNamesEveryColumnOfARow() {
        int headerColumns = StateCsv.HEADER.split(",").length;
        int rowColumns = StateCsv.row(state("L-1", "CNY", 1)).split(",", -1).length;
        assertThat(rowColumns).isEqualTo(headerColumns);
    }
}
