package org.recoup.engine.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.engine.bureau.BureauLayout.Align;
import org.recoup.engine.bureau.BureauLayout.Field;
import org.recoup.engine.bureau.BureauLayout.Format;
import org.recoup.engine.bureau.BureauLayout.Overflow;

class BureauFileTest {

    private static final BureauLayout FIXED = new BureauLayout(1, Format.FIXED, "LF", "HDR{month}{count}", List.of(
            new Field("account", "account_id", 8, Align.LEFT, " ", Overflow.ERROR),
            new Field("dpd", "dpd", 4, Align.RIGHT, "0", Overflow.ERROR),
            new Field("name", "borrower_name", 3, Align.LEFT, " ", Overflow.TRUNCATE)));

    @Test
    void fixedWidthRecordsArePaddedToTheirWidthsUnderAHeader() {
        String file = BureauFile.write(FIXED, YearMonth.of(2026, 10), List.of(
                Map.of("account_id", "L-1", "dpd", "45", "borrower_name", "张三丰四"),
                Map.of("account_id", "L-22", "dpd", "0", "borrower_name", "Li")));
        assertThat(file).isEqualTo("HDR2026102\n"
                + "L-1     0045张三丰\n"
                + "L-22    0000Li \n");
    }

    @Test
    void aValueLongerThanItsFieldIsAnErrorNamingRecordAndField() {
        assertThatThrownBy(() -> BureauFile.write(FIXED, YearMonth.of(2026, 10),
                List.of(Map.of("account_id", "L-123456789", "dpd", "1"))))
                .hasMessageContaining("record 1").hasMessageContaining("field account");
    }

    @Test
    void csvLayoutsWriteAHeaderAndQuoteWhereNeeded() {
        BureauLayout csv = new BureauLayout(1, Format.CSV, "CRLF", null, List.of(
                new Field("account_id", null, 0, null, null, null),
                new Field("name", "borrower_name", 0, null, null, null)));
        assertThat(BureauFile.write(csv, YearMonth.of(2026, 10), List.of(Map.of("account_id", "L-1",
                "borrower_name", "Wang, \"Bo\""))))
                .isEqualTo("account_id,name\r\nL-1,\"Wang, \"\"Bo\"\"\"\r\n");
    }

    @Test
    void aLayoutNamingAnUnknownSourceIsRefused() {
        assertThatThrownBy(() -> new BureauLayout(1, Format.FIXED, null, null,
                List.of(new Field("x", "shoe_size", 3, null, null, null))))
                .hasMessageContaining("unknown source 'shoe_size'");
    }
}
